//! Returning freed memory to the system after a large load, and while streams flow.

use std::time::{Duration, Instant};

/// Freed memory goes back to the system once a stream has been quiet this long, and at
/// least this often while it flows.
pub const QUIET: Duration = Duration::from_secs(1);
const AT_LEAST_EVERY: Duration = Duration::from_secs(30);

/// When the loader gives freed memory back. Buffers pass between threads, so freed memory
/// piles up in their malloc arenas while a stream flows. It is given back when the stream
/// pauses, and only now and then during a flood: then it is about to be reused, and memory
/// handed back and faulted in again costs more than it saves (several times over on a
/// virtual machine).
pub struct Trimmer {
    untrimmed: bool,
    at: Instant,
}

impl Default for Trimmer {
    fn default() -> Self {
        Trimmer {
            untrimmed: false,
            at: Instant::now(),
        }
    }
}

impl Trimmer {
    /// A batch went through.
    pub fn batch(&mut self) {
        self.untrimmed = true;
        if self.at.elapsed() >= AT_LEAST_EVERY {
            self.trim();
        }
    }

    /// Nothing arrived for [`QUIET`].
    pub fn quiet(&mut self) {
        if self.untrimmed {
            self.trim();
        }
    }

    /// The loader is done; the index owner frees the last batches once it has merged them.
    pub fn finish(self) {
        if self.untrimmed {
            std::thread::spawn(|| {
                std::thread::sleep(QUIET);
                release_free_memory();
            });
        }
    }

    fn trim(&mut self) {
        release_free_memory();
        self.untrimmed = false;
        self.at = Instant::now();
    }
}

/// Worker threads allocate batches in their own malloc arenas and the index owner frees
/// them; glibc keeps that memory unless asked. One trim after a large load gives it back.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code, reason = "malloc_trim has no safe wrapper")]
pub fn release_free_memory() {
    // SAFETY: malloc_trim only walks glibc's own free lists; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn release_free_memory() {}
