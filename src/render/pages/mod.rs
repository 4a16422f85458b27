//! The pages, one module per kind; each writes its pages through a
//! [`Writer`](super::writer::Writer) from the read-only
//! [`Context`](super::context::Context).

pub(crate) mod article;
pub(crate) mod concept_map;
pub(crate) mod home;
pub(crate) mod learning;
pub(crate) mod practice;
pub(crate) mod redirect;
pub(crate) mod root;
pub(crate) mod search;
pub(crate) mod senses;
pub(crate) mod status;
pub(crate) mod tag;
pub(crate) mod term;
pub(crate) mod topics;
