//! The code stays readable in small pieces: the median function of the product crate and
//! of the workbench is at most 12 lines, none is over 60, and no source file is over 600
//! (../shared/STYLE.md: about 40 a function, about 400 a file).

#[path = "common/crate_source.rs"]
mod crate_source;

use std::path::{Path, PathBuf};

use crate_source::{CrateSource, src};
use syn::spanned::Spanned;
use syn::visit::Visit;

const MEDIAN_AT_MOST: usize = 12;
const LONGEST: usize = 60;
const LONGEST_FILE: usize = 600;

/// Every function with a body: where it is and how many lines it spans, from `fn` to its
/// closing brace.
struct Functions {
    file: PathBuf,
    found: Vec<(String, usize)>,
}

impl Functions {
    fn add(&mut self, name: &syn::Ident, from: proc_macro2::Span, body: proc_macro2::Span) {
        let lines = body.end().line + 1 - from.start().line;
        let place = format!("{}:{} {name}", shown(&self.file), from.start().line);
        self.found.push((place, lines));
    }
}

impl<'ast> Visit<'ast> for Functions {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.add(&f.sig.ident, f.sig.fn_token.span(), f.block.span());
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.add(&f.sig.ident, f.sig.fn_token.span(), f.block.span());
        syn::visit::visit_impl_item_fn(self, f);
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(body) = &f.default {
            self.add(&f.sig.ident, f.sig.fn_token.span(), body.span());
        }
        syn::visit::visit_trait_item_fn(self, f);
    }
}

fn shown(file: &Path) -> String {
    file.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(file)
        .display()
        .to_string()
}

/// The functions of the library, the binary and the workbench crate.
fn functions() -> Vec<(String, usize)> {
    let roots = [src().join("lib.rs"), src().join("lab/lib.rs")];
    let mut files: Vec<PathBuf> = roots
        .iter()
        .flat_map(|root| CrateSource::read(root).files.into_keys())
        .collect();
    files.extend([src().join("main.rs"), src().join("lab/main.rs")]);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source file");
        let parsed = syn::parse_file(&text).expect("source parses");
        let mut functions = Functions {
            file,
            found: Vec::new(),
        };
        functions.visit_file(&parsed);
        found.extend(functions.found);
    }
    found
}

#[test]
fn functions_are_short() {
    let mut found = functions();
    assert!(found.len() > 500, "every source file was read");
    found.sort_by_key(|(_, lines)| *lines);
    let median = found[found.len() / 2].1;
    let long: Vec<String> = found
        .iter()
        .filter(|(_, lines)| *lines > LONGEST)
        .map(|(place, lines)| format!("{place}: {lines} lines"))
        .collect();
    assert!(
        median <= MEDIAN_AT_MOST,
        "the median function has {median} lines"
    );
    assert!(
        long.is_empty(),
        "functions over {LONGEST} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn files_are_short() {
    let roots = [src().join("lib.rs"), src().join("lab/lib.rs")];
    let long: Vec<String> = roots
        .iter()
        .flat_map(|root| CrateSource::read(root).files.into_keys())
        .filter_map(|file| {
            let lines = std::fs::read_to_string(&file).ok()?.lines().count();
            (lines > LONGEST_FILE).then(|| format!("{}: {lines} lines", shown(&file)))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {LONGEST_FILE} lines:\n{}",
        long.join("\n")
    );
}
