/** Seeded synthetic answers live with the pipeline (the bench and the demo use them too). */
export * from '../../pipeline/synthetic/random-answers.ts';
