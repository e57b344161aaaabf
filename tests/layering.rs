//! Data flows one way through the crate, and so do its imports: each top-level module uses
//! only the shared ones and those before it in [`LAYERS`] (the order `src/lib.rs` draws),
//! and no two files import each other, directly or round a loop.

#[path = "common/crate_source.rs"]
mod crate_source;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate_source::{CrateSource, ModPath, flatten_use, src};
use syn::visit::Visit;

/// The top-level modules in pipeline order; the first row is shared by all. A module may
/// import from its own row and the rows above it, never from a row below.
const LAYERS: &[&[&str]] = &[
    &["model", "sanitize", "names"],
    &["source"],
    &["parse"],
    &["load"],
    &["live"],
    &["index"],
    &["filter"],
    &["app"],
    &["view"],
    &["output"],
    &["term"],
    &["cli"],
    &["commands"],
    &["<main>"],
];

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|row| row.contains(&module))
        .unwrap_or_else(|| panic!("src/lib.rs declares `{module}`, which LAYERS does not place"))
}

/// One use of another module: where it is written and what it names.
struct Import {
    from: ModPath,
    file: PathBuf,
    written: Vec<String>,
}

/// Collects every `use` and every `crate::`/`super::`/`self::` path of a file, with the
/// module it is written in (inline modules such as `mod tests` included).
struct Collector<'a> {
    file: PathBuf,
    at: ModPath,
    /// Written in the binary's root, where the library is `qtrail::`.
    binary: bool,
    out: &'a mut Vec<Import>,
}

impl Collector<'_> {
    fn push(&mut self, mut written: Vec<String>) {
        if self.binary {
            if written.first().map(String::as_str) != Some("qtrail") {
                return;
            }
            "crate".clone_into(&mut written[0]);
        }
        self.out.push(Import {
            from: self.at.clone(),
            file: self.file.clone(),
            written,
        });
    }
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if let Some((_, items)) = &m.content {
            self.at.push(m.ident.to_string());
            for item in items {
                self.visit_item(item);
            }
            self.at.pop();
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        for (_, path) in flatten_use(&u.tree) {
            self.push(path);
        }
    }

    /// `pub(in crate::app)` names where an item is seen from, not what it uses.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let written: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if written.len() > 1 {
            self.push(written);
        }
        syn::visit::visit_path(self, path);
    }
}

/// Every import of the library and of the binary's root.
fn imports(source: &CrateSource) -> Vec<Import> {
    let mut out = Vec::new();
    let mut file_modules: BTreeMap<&PathBuf, &ModPath> = BTreeMap::new();
    for (path, module) in &source.modules {
        let known = file_modules.entry(&module.file).or_insert(path);
        if path.len() < known.len() {
            *known = path;
        }
    }
    for (file, parsed) in &source.files {
        let mut collector = Collector {
            file: file.clone(),
            at: file_modules[file].clone(),
            binary: false,
            out: &mut out,
        };
        collector.visit_file(parsed);
    }
    let main = src().join("main.rs");
    let text = std::fs::read_to_string(&main).expect("src/main.rs");
    let parsed = syn::parse_file(&text).expect("src/main.rs parses");
    Collector {
        file: main,
        at: vec!["<main>".to_owned()],
        binary: true,
        out: &mut out,
    }
    .visit_file(&parsed);
    out
}

fn shown(file: &Path) -> String {
    file.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(file)
        .display()
        .to_string()
}

#[test]
fn no_module_imports_from_one_later_in_the_pipeline() {
    let source = CrateSource::read(&src().join("lib.rs"));
    let mut wrong = BTreeSet::new();
    for import in imports(&source) {
        let Some(from) = import.from.first() else {
            continue;
        };
        let from_main = import.from == ["<main>"];
        let context = if from_main {
            Vec::new()
        } else {
            import.from.clone()
        };
        let Some((target, _)) = source.resolve(&context, &import.written) else {
            continue;
        };
        let Some(to) = target.first() else { continue };
        let (a, b) = (layer(from), layer(to));
        if b > a {
            wrong.insert(format!(
                "{}: `{from}` uses `{}` of `{to}`, which comes later",
                shown(&import.file),
                import.written.join("::")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the pipeline:\n{}",
        join(&wrong)
    );
}

#[test]
fn no_files_import_each_other() {
    let source = CrateSource::read(&src().join("lib.rs"));
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for import in imports(&source) {
        if import.from == ["<main>"] {
            continue;
        }
        if let Some((_, to)) = source.resolve(&import.from, &import.written)
            && to != import.file
        {
            edges.entry(import.file.clone()).or_default().insert(to);
        }
    }
    let cycles: BTreeSet<String> = strongly_connected(&edges)
        .into_iter()
        .filter(|group| group.len() > 1)
        .map(|group| {
            group
                .iter()
                .map(|f| shown(f))
                .collect::<Vec<_>>()
                .join(" <-> ")
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "files that import each other:\n{}",
        join(&cycles)
    );
}

#[test]
fn the_crate_doc_draws_every_module_in_its_layer() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("src/lib.rs");
    let source = CrateSource::read(&src().join("lib.rs"));
    for name in &source.modules[&Vec::new()].children {
        let drawn = lib
            .lines()
            .any(|l| l.starts_with("//!") && l.contains(name.as_str()));
        assert!(drawn, "src/lib.rs's crate doc does not name `{name}`");
        layer(name);
    }
}

fn join(lines: &BTreeSet<String>) -> String {
    lines.iter().cloned().collect::<Vec<_>>().join("\n")
}

/// Tarjan's algorithm: the groups of files that reach each other.
fn strongly_connected(edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<Vec<PathBuf>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        index: BTreeMap<&'a PathBuf, (usize, usize)>,
        stack: Vec<&'a PathBuf>,
        on_stack: BTreeSet<&'a PathBuf>,
        next: usize,
        groups: Vec<Vec<PathBuf>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, node: &'a PathBuf) {
            self.index.insert(node, (self.next, self.next));
            self.next += 1;
            self.stack.push(node);
            self.on_stack.insert(node);
            for next in self.edges.get(node).into_iter().flatten() {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.index[next].1.min(self.index[node].1);
                    self.index.get_mut(node).expect("visited").1 = low;
                } else if self.on_stack.contains(next) {
                    let low = self.index[next].0.min(self.index[node].1);
                    self.index.get_mut(node).expect("visited").1 = low;
                }
            }
            let (order, low) = self.index[node];
            if order == low {
                let mut group = Vec::new();
                while let Some(member) = self.stack.pop() {
                    self.on_stack.remove(member);
                    group.push(member.clone());
                    if member == node {
                        break;
                    }
                }
                self.groups.push(group);
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        groups: Vec::new(),
    };
    for node in edges.keys() {
        if !walk.index.contains_key(node) {
            walk.visit(node);
        }
    }
    walk.groups
}
