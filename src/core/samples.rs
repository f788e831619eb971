//! The shipped notices: the Chi Lăng 2024 sample and the blank template.

use crate::core::model::Notice;

const SAMPLE: &str = include_str!("../../data/chi-lang-2024.json");
const TEMPLATE: &str = include_str!("../../data/template.json");

/// The reference notice, Chi Lăng 2024, as data.
pub fn sample() -> Notice {
    serde_json::from_str(SAMPLE).expect("the shipped sample is valid (tested)")
}

/// A blank notice with the standard structure and wording.
pub fn template() -> Notice {
    serde_json::from_str(TEMPLATE).expect("the shipped template is valid (tested)")
}
