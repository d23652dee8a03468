/** should_drop_message's answer: process it, only refresh the link (a duplicate), or ignore it. */
export type DropVerdict = 'keep' | 'duplicate' | 'drop' | 'not-for-us';
