// The contract's wire schemas are zod, and zod probes `new Function("")` the moment its first object schema
// is built, to see whether it may compile fast parsers. Under the till's CSP (no 'unsafe-eval') that probe is
// blocked and reported as a securitypolicyviolation even though zod swallows the error. Switching zod to its
// interpreter before any contract schema is constructed keeps the page free of CSP violations.
// This module must therefore be imported before anything that imports the contract at runtime.
import { z } from 'zod';

z.config({ jitless: true });
