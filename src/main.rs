//! The entry point Trunk builds into the page.

// Talc instead of the default dlmalloc: measured faster on the reviewer
// desk (docs/benchmark.md) and smaller.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    selfcheck::run();
}
