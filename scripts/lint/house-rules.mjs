// The house rules as ESLint rules (the "house" plugin of eslint.config.mjs), after VS Code's layering and
// import-pattern rules: the architecture in ./layers.mjs, checked on every build instead of kept as prose.
//   house/layers         who may import whom: layers, doors (index.ts), simulators, the views and the contract
//   house/no-cycles      no import cycle between files of main/, preload/ and renderer/
//   house/no-float-money no floating-point arithmetic on money in main/ outside the formatting files
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import {
  CONTRACT_PACKAGES,
  LAYERS,
  MONEY_FORMATTING_FILES,
  NODE_ONLY_PACKAGES,
  SIMULATOR_USERS,
  VIEW_UNITS,
} from './layers.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');

/** The unit a repository file belongs to (see layers.mjs), or null for tests, scripts and root files. */
export function unitOf(relPath) {
  if (relPath.startsWith('preload/contract/')) return 'preload/contract';
  if (relPath.startsWith('preload/')) return 'preload';
  if (relPath.startsWith('renderer/')) return 'renderer';
  const m = /^main\/([^/]+)\//.exec(relPath);
  return m ? `main/${m[1]}` : null;
}

const GROUP = new Map(LAYERS.flatMap((units, i) => units.map((u) => [u, i])));

/** A unit's doors: its index.ts and the index.ts of each sub-folder directly under it. */
export function isDoor(relPath, unit) {
  if (relPath === `${unit}/index.ts`) return true;
  const rest = relPath.slice(unit.length + 1).split('/');
  return rest.length === 2 && rest[1] === 'index.ts';
}

const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

/** The file a relative specifier names, or null (a missing file is the type checker's business). */
export function resolveImport(importer, spec) {
  const base = path.resolve(path.dirname(importer), spec);
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return null;
}

const isBuiltin = (spec) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** Every module specifier in a file's AST: static imports, re-exports, dynamic import() and require(). */
function specifierVisitors(onSpecifier) {
  const literal = (node) => (node && node.type === 'Literal' && typeof node.value === 'string' ? node : null);
  return {
    ImportDeclaration: (node) => onSpecifier(node.source, node.importKind === 'type'),
    ExportNamedDeclaration: (node) => node.source && onSpecifier(node.source, node.exportKind === 'type'),
    ExportAllDeclaration: (node) => onSpecifier(node.source, node.exportKind === 'type'),
    ImportExpression: (node) => literal(node.source) && onSpecifier(node.source, false),
    CallExpression(node) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && literal(node.arguments[0])) {
        onSpecifier(node.arguments[0], false);
      }
    },
  };
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers, doors and view rules of scripts/lint/layers.mjs' },
    schema: [],
    messages: {
      upward: '{{from}} may not import {{to}}: {{to}} is not in a lower layer (scripts/lint/layers.mjs).',
      sibling: '{{from}} may not import its sibling {{to}}: units of one layer stay independent (scripts/lint/layers.mjs).',
      door: "{{from}} reaches past the door of {{to}}: import it through {{to}}'s index.ts (or a sub-folder's index.ts), not {{file}}.",
      simulator: 'Only the composition root (main/app) and the entry points may import a simulator; {{from}} takes a factory instead.',
      viewImportsMain: '{{from}} is a view: it may not import {{file}} from main/ (it talks to main only through the contract).',
      viewImportsNode: '{{from}} is a sandboxed view: it may not import the Node-only module "{{spec}}".',
      contractImport: 'The contract imports only {{allowed}} and itself, not "{{spec}}": it is shared by main, the preload and the renderer.',
      mainImportsView: 'main/ may not import {{file}} from {{to}}.',
      unlayered: '{{from}} is not listed in scripts/lint/layers.mjs: give it a layer.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = unitOf(rel(file));
    if (!from) return {};
    return specifierVisitors((source) => {
      const spec = source.value;
      const report = (messageId, data) => context.report({ node: source, messageId, data: { from, spec, ...data } });
      if (!spec.startsWith('.')) {
        if (from === 'preload/contract' && !CONTRACT_PACKAGES.includes(packageOf(spec))) {
          return report('contractImport', { allowed: CONTRACT_PACKAGES.join(', ') });
        }
        if (VIEW_UNITS.includes(from) && (isBuiltin(spec) || NODE_ONLY_PACKAGES.includes(packageOf(spec)))) {
          // The preload bridge runs in Electron's sandboxed preload, where 'electron' is the one module there is.
          if (!(from === 'preload' && spec === 'electron')) report('viewImportsNode');
        }
        return undefined;
      }
      const target = resolveImport(file, spec);
      if (!target) return undefined;
      const targetRel = rel(target);
      const to = unitOf(targetRel);
      if (!to || to === from) return undefined;
      if (from === 'preload/contract') return report('contractImport', { allowed: CONTRACT_PACKAGES.join(', ') });
      if (VIEW_UNITS.includes(from)) {
        return to === 'preload/contract' ? undefined : report('viewImportsMain', { file: targetRel });
      }
      if (VIEW_UNITS.includes(to)) return report('mainImportsView', { to, file: targetRel });
      if (to === 'main/sim' && !SIMULATOR_USERS.includes(from)) return report('simulator');
      const fromGroup = GROUP.get(from);
      const toGroup = GROUP.get(to);
      if (fromGroup === undefined) return report('unlayered');
      if (toGroup === undefined) return report('unlayered', { from: to });
      if (toGroup === fromGroup) return report('sibling', { to });
      if (toGroup > fromGroup) return report('upward', { to });
      if (!isDoor(targetRel, to)) return report('door', { to, file: targetRel });
      return undefined;
    });
  },
};

/** The import graph of the source tree, read from disk with the same resolution as `layers`. */
const edgesCache = new Map();
const IMPORT_TEXT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
function edgesOf(file) {
  let edges = edgesCache.get(file);
  if (edges) return edges;
  edges = [];
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // gone: no edges
  }
  for (const m of text.matchAll(IMPORT_TEXT)) {
    const target = resolveImport(file, m[1] ?? m[2]);
    if (target && unitOf(rel(target))) edges.push(target);
  }
  edgesCache.set(file, edges);
  return edges;
}

/** A path of files from `start` back to `goal`, or null. */
function pathBack(start, goal) {
  const seen = new Set();
  const stack = [[start, [start]]];
  while (stack.length) {
    const [node, trail] = stack.pop();
    if (node === goal) return trail;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const next of edgesOf(node)) stack.push([next, [...trail, next]]);
  }
  return null;
}

const noCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycle between source files' },
    schema: [],
    messages: { cycle: 'Import cycle: {{cycle}}' },
  },
  create(context) {
    const file = context.filename;
    if (!unitOf(rel(file))) return {};
    // The linted text, not the file on disk (an editor's unsaved change counts).
    edgesCache.delete(file);
    return specifierVisitors((source) => {
      if (!source.value.startsWith('.')) return;
      const target = resolveImport(file, source.value);
      if (!target || !unitOf(rel(target))) return;
      const back = pathBack(target, file);
      if (back) context.report({ node: source, messageId: 'cycle', data: { cycle: [file, ...back].map(rel).join(' → ') } });
    });
  },
};

const MONEY_WORD = /halala|amount|price|total|vat|tender|refund|\bdue|paid/i;
const isFraction = (node) => node.type === 'Literal' && typeof node.value === 'number' && !Number.isInteger(node.value);
const FLOAT_CALLS = new Set(['parseFloat', 'Number.parseFloat', 'Math.fround']);
const FLOAT_METHODS = new Set(['toFixed', 'toPrecision']);
const INTEGER_WRAPPERS = new Set(['Math.floor', 'Math.trunc', 'Math.ceil', 'Math.round']);
const calleeName = (callee) =>
  callee.type === 'Identifier'
    ? callee.name
    : callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.property.type === 'Identifier'
      ? `${callee.object.name}.${callee.property.name}`
      : null;

const noFloatMoney = {
  meta: {
    type: 'problem',
    docs: { description: 'Money is integer halalas: no floating-point arithmetic on it outside the formatting files' },
    schema: [],
    messages: {
      floatCall: '{{name}} makes a floating-point number: money is integer halalas (parse and format it in the files listed in scripts/lint/layers.mjs).',
      fraction: 'Money times a fraction is a float: keep halalas integer (rates and rounding live in main/money).',
      division: 'Dividing money gives a float: wrap it in Math.floor / Math.trunc, or do it in main/money.',
    },
  },
  create(context) {
    const relPath = rel(context.filename);
    if (!relPath.startsWith('main/') || MONEY_FORMATTING_FILES.includes(relPath)) return {};
    const source = context.sourceCode;
    const mentionsMoney = (node) => MONEY_WORD.test(source.getText(node));
    return {
      CallExpression(node) {
        const name = calleeName(node.callee);
        if (name && FLOAT_CALLS.has(name)) context.report({ node, messageId: 'floatCall', data: { name } });
        if (node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && FLOAT_METHODS.has(node.callee.property.name)) {
          context.report({ node, messageId: 'floatCall', data: { name: `.${node.callee.property.name}()` } });
        }
      },
      BinaryExpression(node) {
        if (node.operator !== '*' && node.operator !== '/') return;
        if ((isFraction(node.left) && mentionsMoney(node.right)) || (isFraction(node.right) && mentionsMoney(node.left))) {
          context.report({ node, messageId: 'fraction' });
          return;
        }
        if (node.operator === '/' && mentionsMoney(node.left)) {
          const parent = node.parent;
          const wrapped = parent?.type === 'CallExpression' && INTEGER_WRAPPERS.has(calleeName(parent.callee) ?? '');
          if (!wrapped) context.report({ node, messageId: 'division' });
        }
      },
    };
  },
};

export default { meta: { name: 'house' }, rules: { layers, 'no-cycles': noCycles, 'no-float-money': noFloatMoney } };
