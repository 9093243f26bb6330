//! A unit written once for coordinated numbers: "rose 565, 626 and 525%",
//! "flew 420 and 430 kilometres". Each bare number joined to the next
//! figure by a comma, "and" or "or" alone takes that figure's unit and
//! category, from the last figure of the list back to the first.
//!
//! Invariant: only figures with neither unit nor counted phrase of their
//! own change (unit, category, and a borrowed counted phrase dropped);
//! spans stay as they are.

use chronicle_core::{Figure, FigureCategory};

/// Gives the bare numbers of a coordinated list the unit of the last one.
/// `figures` are the figures of one sentence, in order.
pub fn share_units(body: &str, figures: &mut [Figure]) {
    for i in (1..figures.len()).rev() {
        let (head, tail) = figures.split_at_mut(i);
        let (first, next) = (&mut head[i - 1], &tail[0]);
        let Some(unit) = next.unit.as_ref() else {
            continue;
        };
        // A counted phrase borrowed from an earlier figure (ellipsis, "two
        // probes flew 310 and 325 km") does not count as the number's own.
        let own_counted = first.counted.is_some_and(|c| c.start >= first.span.end);
        if first.unit.is_some() || own_counted || unit == "magnitude" {
            continue;
        }
        if !matches!(
            next.category,
            FigureCategory::Percent | FigureCategory::Distance | FigureCategory::Money
        ) {
            continue;
        }
        let gap = body
            .get(first.span.end as usize..next.span.start as usize)
            .unwrap_or("x")
            .trim();
        if matches!(gap, "," | "and" | "or" | ", and" | ", or") {
            first.unit = Some(unit.clone());
            first.category = next.category;
            first.counted = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tests_support::figs;
    use chronicle_core::FigureCategory as C;

    #[test]
    fn a_unit_written_once_serves_the_list() {
        let f = figs("Sales rose 12, 15 and 18% in the three regions.");
        let cats: Vec<_> = f.iter().map(|f| (f.category, f.unit.as_deref())).collect();
        assert_eq!(cats[..3], [(C::Percent, Some("percent")); 3]);
        let f = figs("The two probes flew 310 and 325 kilometres.");
        assert_eq!(
            (f[1].category, f[1].unit.as_deref()),
            (C::Distance, Some("km"))
        );
        // A counted number keeps its own category.
        let f = figs("Of 40 patients, 12 and 30% recovered.");
        assert_eq!(f[0].category, C::Other);
    }
}
