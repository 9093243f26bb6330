//! A value read from the database and kept per connection while the
//! database's generation (its highest article id, [`Store::generation`])
//! stays the same: the distinct mention texts, the place directory, the role
//! index. Reading one again is a hash lookup or a scan in memory instead of
//! a query.
//!
//! Invariant: a kept value was built at the generation it is stored with;
//! any other generation builds it again.
//!
//! [`Store::generation`]: crate::Store::generation

use crate::StoreError;
use std::cell::RefCell;
use std::sync::Arc;

/// One value kept for the generation it was built at.
#[derive(Debug)]
pub(crate) struct PerGeneration<T>(RefCell<Option<(i64, Arc<T>)>>);

impl<T> Default for PerGeneration<T> {
    fn default() -> Self {
        PerGeneration(RefCell::new(None))
    }
}

impl<T> PerGeneration<T> {
    /// The value kept for `generation`, or the one `load` builds (then
    /// kept in its place).
    pub(crate) fn get(
        &self,
        generation: i64,
        load: impl FnOnce() -> Result<T, StoreError>,
    ) -> Result<Arc<T>, StoreError> {
        if let Some((kept_at, value)) = &*self.0.borrow() {
            if *kept_at == generation {
                return Ok(Arc::clone(value));
            }
        }
        let value = Arc::new(load()?);
        *self.0.borrow_mut() = Some((generation, Arc::clone(&value)));
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::PerGeneration;

    #[test]
    fn a_value_is_built_again_only_when_the_generation_moves() {
        let kept = PerGeneration::default();
        let mut builds = 0;
        for generation in [1, 1, 2, 2, 1] {
            let v = kept
                .get(generation, || {
                    builds += 1;
                    Ok(generation * 10)
                })
                .unwrap();
            assert_eq!(*v, generation * 10);
        }
        assert_eq!(builds, 3);
    }
}
