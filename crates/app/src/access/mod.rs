//! The access policy (seed 001 §13; issue 16): per information system of the
//! register who issues accounts and how, the authentication and the review
//! interval (`policy`), and the authorisation matrix with its versions
//! (`matrix`).

pub mod matrix;
pub mod policy;
