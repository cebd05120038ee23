// jsdom has no TextDecoder/TextEncoder; every browser the add-in runs in does (the pane's
// file import decodes sheet XML and CSV with it). Node's are the same WHATWG classes.
const { TextDecoder, TextEncoder } = require('node:util');
if (typeof globalThis.TextDecoder === 'undefined') globalThis.TextDecoder = TextDecoder;
if (typeof globalThis.TextEncoder === 'undefined') globalThis.TextEncoder = TextEncoder;
