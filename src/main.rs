//! The entry point Trunk builds into the page.

fn main() {
    selfcheck::run();
}
