/**
 * Progress on long work: a bar with rate and ETA on a terminal, a plain line every tenth of the
 * way (and at the end) otherwise, so logs stay readable. Always on stderr.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(n?: number): void;
  stop(): void;
}

export function startProgress(
  total: number,
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (stream.isTTY && total > 0) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total}  {rate}/s  ETA {eta_formatted}`,
        stream,
        hideCursor: true,
        etaBuffer: 50,
        fps: 10,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(total, 0, { rate: '0' });
    let done = 0;
    return {
      tick(n = 1) {
        done += n;
        bar.update(done, {
          rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0),
        });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let done = 0;
  let nextReport = Math.max(1, Math.ceil(total / 10));
  const started = Date.now();
  return {
    tick(n = 1) {
      done += n;
      if (done >= nextReport || done === total) {
        const secs = (Date.now() - started) / 1000;
        stream.write(
          `${label}: ${done}/${total} (${(done / Math.max(secs, 0.001)).toFixed(0)}/s)\n`,
        );
        nextReport = done + Math.max(1, Math.ceil(total / 10));
      }
    },
    stop() {},
  };
}
