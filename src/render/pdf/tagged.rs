//! The structure tree of a tagged PDF: structure elements in reading order,
//! linked to the marked content of the pages and to link annotations, and
//! the parent tree that leads back from content to its element.
//!
//! Elements are written only for nodes with content, in the order their
//! content appears: the content streams are in reading order, so attaching
//! each node to its parent when its first content is met puts every
//! element's children in reading order too.

use super::object::{Dictionary, Document, Object, ObjectId, dictionary};

use super::structure::{Role, Structure};

/// Builds the tree page by page.
pub struct TreeBuilder<'s> {
    structure: &'s Structure,
    root: ObjectId,
    /// Per node: its element, once attached.
    ids: Vec<Option<ObjectId>>,
    /// Per node: its children, marked-content ids and annotations.
    kids: Vec<Vec<Object>>,
    /// Per node: the page of its first content.
    pages: Vec<Option<ObjectId>>,
    /// Parent tree entries, in key order.
    parents: Vec<Object>,
}

impl<'s> TreeBuilder<'s> {
    /// A builder for `structure`, whose StructTreeRoot will be `root`.
    pub fn new(structure: &'s Structure, root: ObjectId) -> TreeBuilder<'s> {
        let count = structure.nodes.len();
        TreeBuilder {
            structure,
            root,
            ids: vec![None; count],
            kids: vec![Vec::new(); count],
            pages: vec![None; count],
            parents: Vec::new(),
        }
    }

    /// The element of `node`, attaching it (and its ancestors) first.
    fn attach(&mut self, node: usize, pdf: &mut Document) -> ObjectId {
        if let Some(id) = self.ids[node] {
            return id;
        }
        let parent = self.structure.nodes[node].parent;
        let id = pdf.new_object_id();
        self.ids[node] = Some(id);
        if parent != node {
            self.attach(parent, pdf);
            self.kids[parent].push(Object::Reference(id));
        }
        id
    }

    /// Records a page whose marked-content id `i` is content of `marks[i]`;
    /// returns the page's `/StructParents` key.
    pub fn page(&mut self, page: ObjectId, marks: &[usize], pdf: &mut Document) -> i64 {
        let mut elements = Vec::with_capacity(marks.len());
        for (mcid, &node) in marks.iter().enumerate() {
            let id = self.attach(node, pdf);
            let first = *self.pages[node].get_or_insert(page);
            let mcid = mcid as i64;
            self.kids[node].push(if first == page {
                Object::Integer(mcid)
            } else {
                dictionary! { "Type" => "MCR", "Pg" => page, "MCID" => mcid }.into()
            });
            elements.push(Object::Reference(id));
        }
        self.key(Object::Array(elements))
    }

    /// Records the annotation `annotation` on `page` as belonging to the
    /// link `node`; returns its `/StructParent` key.
    pub fn annotation(&mut self, node: usize, page: ObjectId, annotation: ObjectId, pdf: &mut Document) -> i64 {
        let id = self.attach(node, pdf);
        self.kids[node].push(dictionary! { "Type" => "OBJR", "Obj" => annotation, "Pg" => page }.into());
        self.key(Object::Reference(id))
    }

    fn key(&mut self, entry: Object) -> i64 {
        self.parents.push(entry);
        self.parents.len() as i64 - 1
    }

    /// Writes the elements and the StructTreeRoot (at the id given to
    /// [`TreeBuilder::new`]).
    pub fn finish(mut self, pdf: &mut Document) {
        let root_element = self.attach(Structure::ROOT, pdf);
        for (node, id) in self.ids.iter().enumerate() {
            let Some(id) = *id else { continue };
            let info = self.structure.nodes[node];
            let parent = if node == Structure::ROOT { self.root } else { self.ids[info.parent].unwrap_or(self.root) };
            // A single kid is written bare: smaller, and some checkers
            // (pdfua 0.1.3) cannot read a heading's content from an array.
            let mut kids = std::mem::take(&mut self.kids[node]);
            let kids = if kids.len() == 1 { kids.remove(0) } else { Object::Array(kids) };
            let mut element = dictionary! {
                "Type" => "StructElem",
                "S" => info.role.name(),
                "P" => parent,
                "K" => kids,
            };
            if let Some(page) = self.pages[node] {
                element.set("Pg", page);
            }
            if let Some(attributes) = attributes(info.role) {
                element.set("A", attributes);
            }
            if let Some((_, alt)) = self.structure.alt.iter().find(|(n, _)| *n == node) {
                element.set("Alt", super::encode::text_string(alt));
            }
            pdf.insert(id, element);
        }
        let nums: Vec<Object> = std::mem::take(&mut self.parents)
            .into_iter()
            .enumerate()
            .flat_map(|(k, e)| [(k as i64).into(), e])
            .collect();
        let next_key = nums.len() as i64 / 2;
        let root = dictionary! {
            "Type" => "StructTreeRoot",
            "K" => root_element,
            "ParentTree" => dictionary! { "Nums" => nums },
            "ParentTreeNextKey" => next_key,
        };
        pdf.insert(self.root, root);
    }
}

/// Attributes a role needs: header cells say what they head, lists how
/// they are numbered.
fn attributes(role: Role) -> Option<Dictionary> {
    match role {
        Role::TH { row } => Some(dictionary! { "O" => "Table", "Scope" => if row { "Row" } else { "Column" } }),
        Role::List { numbered } => {
            Some(dictionary! { "O" => "List", "ListNumbering" => if numbered { "Decimal" } else { "Disc" } })
        }
        _ => None,
    }
}
