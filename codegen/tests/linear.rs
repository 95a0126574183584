//! The generator's work grows linearly with the number of actions: generating 800 actions may
//! allocate at most a little over ten times what 80 do. A count, not a timing, so it is exact
//! on any machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use codegen::SpecFile;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller upholds `alloc`'s contract, which `System` has too.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The real specs with their actions copied under new names until there are `n`.
fn synthetic(n: usize) -> Vec<SpecFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/compshare");
    let files = codegen::read_dir(&dir).unwrap();
    let (actions, mut out): (Vec<SpecFile>, Vec<SpecFile>) = files
        .into_iter()
        .partition(|f| f.path.starts_with("actions/"));
    for i in 0..n {
        let real = &actions[i % actions.len()];
        let name = real
            .path
            .trim_start_matches("actions/")
            .trim_end_matches(".yaml");
        let copy = i / actions.len();
        let text = String::from_utf8_lossy(&real.bytes);
        let (new_name, text) = if copy == 0 {
            (name.to_owned(), text.into_owned())
        } else {
            let new_name = format!("{name}{}", copy + 1);
            let text = text.replacen(
                &format!("action: {name}\n"),
                &format!("action: {new_name}\n"),
                1,
            );
            (new_name, text)
        };
        out.push(SpecFile {
            path: format!("actions/{new_name}.yaml"),
            bytes: text.into_bytes(),
        });
    }
    out
}

fn allocations_to_generate(n: usize) -> usize {
    let files = synthetic(n);
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let output = codegen::generate(&files, "specs/compshare").unwrap();
    let after = ALLOCATIONS.load(Ordering::Relaxed);
    assert_eq!(output.actions, n);
    after - before
}

#[test]
fn ten_times_the_actions_is_at_most_eleven_times_the_work() {
    let small = allocations_to_generate(80);
    let large = allocations_to_generate(800);
    let ratio = large as f64 / small as f64;
    println!("80 actions: {small} allocations; 800: {large}; {ratio:.2}x");
    assert!(
        ratio <= 11.0,
        "80 actions: {small} allocations, 800: {large} ({ratio:.1}x): the generator is no longer linear"
    );
}
