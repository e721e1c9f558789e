//! A scope's variables (see `Vars`).

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::engine::interp::Var;

/// A scope's variables, in slots: a lookup by name scans a short list or, past
/// `LINEAR` variables, goes through an index; a parsed variable reference remembers the
/// slot it last found its variable in (`VarRef::slot`), and `at` checks that memory
/// against the slot's name, so a stale one only costs the ordinary lookup.
#[derive(Debug, Default)]
pub struct Vars {
    pub(crate) entries: Vec<(Rc<str>, Var)>,
    /// Made past `LINEAR` variables (boxed: most scopes never need one).
    index: Option<Box<FxHashMap<Rc<str>, u32>>>,
}

const LINEAR: usize = 8;

impl Vars {
    /// The slot holding `key`.
    #[inline]
    pub fn slot_of(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).map(|&i| i as usize),
            None => self.entries.iter().position(|(k, _)| **k == *key),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Var> {
        self.slot_of(key).map(|i| &self.entries[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Var> {
        self.slot_of(key).map(|i| &mut self.entries[i].1)
    }

    /// The variable in `slot` when that slot holds `key`.
    #[inline(always)]
    pub fn at(&self, slot: u32, key: &Rc<str>) -> Option<&Var> {
        let (k, v) = self.entries.get(slot as usize)?;
        (Rc::ptr_eq(k, key) || **k == **key).then_some(v)
    }

    /// Adds or replaces a variable; returns its slot.
    pub fn insert(&mut self, key: Rc<str>, var: Var) -> usize {
        if let Some(i) = self.slot_of(&key) {
            self.entries[i].1 = var;
            return i;
        }
        self.push_new(key, var)
    }

    /// Adds a variable known not to be there yet.
    pub(crate) fn push_new(&mut self, key: Rc<str>, var: Var) -> usize {
        let i = self.entries.len();
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), i as u32);
        }
        self.entries.push((key, var));
        if self.index.is_none() && self.entries.len() > LINEAR {
            let index = self
                .entries
                .iter()
                .enumerate()
                .map(|(j, (k, _))| (k.clone(), j as u32))
                .collect();
            self.index = Some(Box::new(index));
        }
        i
    }

    pub fn remove(&mut self, key: &str) -> Option<Var> {
        let i = self.slot_of(key)?;
        let (_, var) = self.entries.swap_remove(i);
        if let Some(index) = &mut self.index {
            index.remove(key);
            if let Some((moved, _)) = self.entries.get(i) {
                index.insert(moved.clone(), i as u32);
            }
        }
        Some(var)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Var)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Empties it, keeping its storage.
    pub fn clear(&mut self) {
        self.entries.clear();
        if self.index.is_some() {
            self.index = None;
        }
    }

    #[inline]
    pub(crate) fn slot_value(&self, slot: usize) -> Option<&Var> {
        self.entries.get(slot).map(|(_, v)| v)
    }

    #[inline]
    pub(crate) fn slot_mut(&mut self, slot: usize) -> Option<&mut Var> {
        self.entries.get_mut(slot).map(|(_, v)| v)
    }
}

#[cfg(test)]
mod vars_tests {
    use super::*;
    use crate::engine::value::Value;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn var(v: i32) -> Var {
        Var {
            name: Rc::from("x"),
            value: Value::Int(v),
            constraint: None,
        }
    }

    proptest! {
        /// Vars behaves as a map through inserts and removals, across the switch from a
        /// scan to an index, and a slot found by name is the slot `at` accepts.
        #[test]
        fn vars_is_a_map(ops in proptest::collection::vec((0u8..24, any::<bool>(), any::<i32>()), 0..200)) {
            let mut vars = Vars::default();
            let mut model: BTreeMap<String, i32> = BTreeMap::new();
            for (k, insert, v) in ops {
                let key = format!("v{}", k);
                if insert {
                    vars.insert(Rc::from(key.as_str()), var(v));
                    model.insert(key, v);
                } else {
                    let removed = vars.remove(&key).map(|x| match x.value { Value::Int(i) => i, _ => i32::MIN });
                    prop_assert_eq!(removed, model.remove(&key));
                }
                prop_assert_eq!(vars.len(), model.len());
                for (mk, mv) in &model {
                    let slot = vars.slot_of(mk);
                    prop_assert!(slot.is_some());
                    let rc: Rc<str> = Rc::from(mk.as_str());
                    let at = vars.at(slot.unwrap_or(0) as u32, &rc).map(|x| x.value.clone());
                    prop_assert!(matches!(at, Some(Value::Int(i)) if i == *mv));
                }
                for k in 0u8..24 {
                    let key = format!("v{}", k);
                    prop_assert_eq!(vars.get(&key).is_some(), model.contains_key(&key));
                }
            }
        }
    }
}
