// An "old engine" in Node: validates a WebAssembly module with only the
// features Chromium 75 / Firefox 62 have (MVP + mutable globals + sign extension).
// Used by tests/compat/check.mjs and injected into pages by tests/e2e/compat.spec.js.
import wabtInit from 'wabt';

const wabt = await wabtInit();

// Every feature off except the two that Chromium 75 / Firefox 62 already had.
const OLD_ENGINE = {
  exceptions: false, mutable_globals: true, sat_float_to_int: false, sign_extension: true,
  simd: false, threads: false, function_references: false, multi_value: false, tail_call: false,
  bulk_memory: false, reference_types: false, annotations: false, code_metadata: false, gc: false,
  memory64: false, extended_const: false, relaxed_simd: false, multi_memory: false,
};

// wabt's reader accepts multi-value whatever the switch says, so look for it in
// the text form: a function or block type with more than one result, or a block with params.
const MULTI_VALUE = /\(result \w+ \w+|\b(block|loop|if)\b[^\n]*\(param /;

export function validatesOnOldEngine(bytes) {
  let mod;
  try {
    mod = wabt.readWasm(bytes, { readDebugNames: false, ...OLD_ENGINE });
    mod.validate();
    if (MULTI_VALUE.test(mod.toText({ foldExprs: false, inlineExport: false }))) {
      return 'uses multi-value';
    }
    return null;
  } catch (e) {
    return e.message || String(e);
  } finally {
    if (mod) mod.destroy();
  }
}

export function wat(text, features) {
  const m = wabt.parseWat('control.wat', text, features);
  const { buffer } = m.toBinary({});
  m.destroy();
  return buffer;
}

