// The Office.js globals (Office, Excel, OfficeExtension) for addin/ and its tests; the project's
// tsconfig lists only Node's types, so they are pulled in here, once.
/// <reference types="office-js" />
