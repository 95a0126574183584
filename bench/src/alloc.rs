//! A global allocator that can count: while [`measure`] runs, it tracks how many bytes are live
//! and the most that were, so a figure can say how much memory one operation needed. The rest
//! of the time it only forwards to the underlying allocator, so timings carry no counting, as
//! the Python side's timings carry no tracing.
//!
//! The underlying allocator is the system's, or mimalloc with the `mimalloc` feature.

use std::alloc::{GlobalAlloc, Layout};

#[cfg(not(feature = "mimalloc"))]
use std::alloc::System as Inner;

#[cfg(feature = "mimalloc")]
use mimalloc::MiMalloc as Inner;

/// The underlying allocator's name, for the figures.
pub const NAME: &str = if cfg!(feature = "mimalloc") {
    "mimalloc"
} else {
    "system"
};
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering};

pub struct Counting;

static ON: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

/// What [`measure`] saw.
pub struct Measured {
    /// The most bytes allocated during the run and live at once.
    pub peak: usize,
    /// Allocations made during the run.
    pub allocations: usize,
}

/// Runs `f` with counting on. Memory freed during the run that was allocated before it lowers
/// the live count, so the peak is never overstated.
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, Measured) {
    LIVE.store(0, Ordering::SeqCst);
    PEAK.store(0, Ordering::SeqCst);
    COUNT.store(0, Ordering::SeqCst);
    ON.store(true, Ordering::SeqCst);
    let out = f();
    ON.store(false, Ordering::SeqCst);
    let measured = Measured {
        peak: PEAK.load(Ordering::SeqCst).max(0) as usize,
        allocations: COUNT.load(Ordering::SeqCst),
    };
    (out, measured)
}

fn grew(by: usize) {
    let live = LIVE.fetch_add(by as isize, Ordering::Relaxed) + by as isize;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to the underlying allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, which `Inner` has too.
        let ptr = unsafe { Inner.alloc(layout) };
        if ON.load(Ordering::Relaxed) {
            COUNT.fetch_add(1, Ordering::Relaxed);
            if !ptr.is_null() {
                grew(layout.size());
            }
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { Inner.dealloc(ptr, layout) };
        if ON.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let new = unsafe { Inner.realloc(ptr, layout, new_size) };
        if !new.is_null() && ON.load(Ordering::Relaxed) {
            if new_size > layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub((layout.size() - new_size) as isize, Ordering::Relaxed);
            }
        }
        new
    }
}
