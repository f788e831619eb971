//! Reading the file the officer picked ("Mở tệp"), with gloo-file. What the
//! bytes are (a notice thongbao exported as JSON, HTML or DOCX; any other
//! text, HTML or Word notice; or something else) is for the core's importer
//! to say (`core::import::import_file`): the file is read as bytes, never decoded as text
//! here, so the importer's encoding checks (UTF-16, legacy encodings,
//! binary data) see what is really in it.
//!
//! A file larger than the importer accepts (`json::MAX_BYTES`) is refused
//! by its size before a byte is read, so a 50 MB file cannot freeze the page.

use crate::core::import::{import_file, Imported};
use crate::core::json::{too_large, ImportError, MAX_BYTES};

/// Reads the file and imports it; a file that cannot be read becomes an
/// [`ImportError`] like any other bad file.
pub async fn open(file: web_sys::File) -> Result<Imported, ImportError> {
    let size = file.size();
    if size > MAX_BYTES as f64 {
        return Err(too_large(size as u64));
    }
    let name = file.name();
    let file = gloo::file::File::from(file);
    match gloo::file::futures::read_as_bytes(&file).await {
        Ok(bytes) => import_file(&bytes, &name),
        Err(e) => Err(ImportError {
            message_vi: format!("Không đọc được tệp ({e})."),
            message_en: format!("The file could not be read ({e})."),
        }),
    }
}
