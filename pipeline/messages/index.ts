/**
 * The pipeline's words, joined to core's message catalogue: one file per part (its errors and
 * summary lines, zh-CN and en), each registering its entries when loaded. Importing this module
 * is enough to say any pipeline issue.
 */
import './store-messages.ts';
import './records-messages.ts';
import './benchmark-messages.ts';
