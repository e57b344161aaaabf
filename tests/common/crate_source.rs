//! The crate's own source as a tree of modules, for the tests that hold its shape to the
//! project's rules (`tests/layering.rs`, `tests/code_shape.rs`).
#![allow(dead_code, reason = "each test crate uses a different subset")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A module path below the crate root: `["app", "update"]`.
pub type ModPath = Vec<String>;

/// One module: the file that holds it and the modules declared in it.
pub struct Module {
    pub file: PathBuf,
    pub children: Vec<String>,
    /// Names this module re-exports with `pub use`, and the path each comes from.
    pub reexports: BTreeMap<String, ModPath>,
}

/// Every source file of one crate root, parsed, with its modules.
pub struct CrateSource {
    pub files: BTreeMap<PathBuf, syn::File>,
    pub modules: BTreeMap<ModPath, Module>,
}

impl CrateSource {
    /// Reads the crate whose root file is `root` (its `mod` declarations followed).
    pub fn read(root: &Path) -> CrateSource {
        let mut source = CrateSource {
            files: BTreeMap::new(),
            modules: BTreeMap::new(),
        };
        source.add_file(&Vec::new(), root);
        source
    }

    fn add_file(&mut self, path: &ModPath, file: &Path) {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let dir = child_dir(file);
        self.add_items(path, file, &dir, &parsed.items);
        self.files.insert(file.to_path_buf(), parsed);
    }

    fn add_items(&mut self, path: &ModPath, file: &Path, dir: &Path, items: &[syn::Item]) {
        let mut module = Module {
            file: file.to_path_buf(),
            children: Vec::new(),
            reexports: BTreeMap::new(),
        };
        let mut nested = Vec::new();
        for item in items {
            match item {
                syn::Item::Mod(m) => {
                    module.children.push(m.ident.to_string());
                    nested.push(m);
                }
                syn::Item::Use(u) if !matches!(u.vis, syn::Visibility::Inherited) => {
                    for (name, used) in flatten_use(&u.tree) {
                        module.reexports.insert(name, used);
                    }
                }
                _ => {}
            }
        }
        self.modules.insert(path.clone(), module);
        for m in nested {
            let mut child = path.clone();
            child.push(m.ident.to_string());
            if let Some((_, items)) = &m.content {
                let inner = dir.join(m.ident.to_string());
                self.add_items(&child, file, &inner, items);
            } else {
                let name = m.ident.to_string();
                let flat = dir.join(format!("{name}.rs"));
                let file = if let Some(at) = path_attribute(m) {
                    file.parent().unwrap_or(Path::new(".")).join(at)
                } else if flat.exists() {
                    flat
                } else {
                    dir.join(&name).join("mod.rs")
                };
                self.add_file(&child, &file);
            }
        }
    }

    /// The module a path written in module `from` names, and the file its item lives
    /// in (re-exports followed), or `None` for a path outside the crate.
    pub fn resolve(&self, from: &ModPath, written: &[String]) -> Option<(ModPath, PathBuf)> {
        let absolute = self.absolute(from, written)?;
        self.locate(&absolute, 0)
    }

    fn absolute(&self, from: &ModPath, written: &[String]) -> Option<ModPath> {
        let first = written.first()?;
        let mut out: ModPath;
        let mut rest = written;
        match first.as_str() {
            "crate" => {
                out = Vec::new();
                rest = &written[1..];
            }
            "self" => {
                out = from.clone();
                rest = &written[1..];
            }
            "super" => {
                out = from.clone();
                while rest.first().map(String::as_str) == Some("super") {
                    out.pop();
                    rest = &rest[1..];
                }
            }
            name if self
                .modules
                .get(from)
                .is_some_and(|m| m.children.iter().any(|c| c == name)) =>
            {
                out = from.clone();
            }
            _ => return None,
        }
        out.extend(rest.iter().cloned());
        Some(out)
    }

    /// The longest module prefix of `path`; the item after it is followed through the
    /// module's re-exports to where it is defined.
    fn locate(&self, path: &[String], depth: usize) -> Option<(ModPath, PathBuf)> {
        let mut len = path.len();
        while !self.modules.contains_key(&path[..len]) {
            len = len.checked_sub(1)?;
        }
        let module_path = path[..len].to_vec();
        let module = &self.modules[&module_path];
        if let Some(item) = path.get(len)
            && let Some(used) = module.reexports.get(item)
            && depth < 8
            && let Some(target) = self.absolute(&module_path, used)
            && let Some(found) = self.locate(&target, depth + 1)
        {
            return Some(found);
        }
        Some((module_path, module.file.clone()))
    }
}

/// `#[path = "..."]` on a module declaration.
fn path_attribute(m: &syn::ItemMod) -> Option<String> {
    m.attrs.iter().find_map(|a| match &a.meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

/// The folder a file's `mod x;` declarations are found in.
fn child_dir(file: &Path) -> PathBuf {
    let parent = file.parent().unwrap_or(Path::new("."));
    match file.file_name().and_then(|n| n.to_str()) {
        Some("mod.rs" | "lib.rs" | "main.rs") => parent.to_path_buf(),
        _ => parent.join(file.file_stem().unwrap_or_default()),
    }
}

/// Every path a `use` tree imports, with the name it is imported as (`*` for a glob).
pub fn flatten_use(tree: &syn::UseTree) -> Vec<(String, ModPath)> {
    let mut out = Vec::new();
    walk_use(tree, &mut Vec::new(), &mut out);
    out
}

fn walk_use(tree: &syn::UseTree, prefix: &mut ModPath, out: &mut Vec<(String, ModPath)>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            walk_use(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            let path = if name == "self" {
                prefix.clone()
            } else {
                let mut path = prefix.clone();
                path.push(name.clone());
                path
            };
            let alias = if name == "self" {
                prefix.last().cloned().unwrap_or_default()
            } else {
                name
            };
            out.push((alias, path));
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix.clone();
            path.push(r.ident.to_string());
            out.push((r.rename.to_string(), path));
        }
        syn::UseTree::Glob(_) => out.push(("*".to_owned(), prefix.clone())),
        syn::UseTree::Group(g) => {
            for tree in &g.items {
                walk_use(tree, prefix, out);
            }
        }
    }
}

/// The crate's source folder.
pub fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}
