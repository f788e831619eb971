//! Reading the file the officer picked ("Mở tệp"), with gloo-file. What the
//! bytes are (JSON, an exported HTML notice, or something else) is for the
//! core's importer to say.

use crate::core::json::{import_bytes, ImportError};
use crate::core::model::Notice;

/// Reads the file and imports it; a file that cannot be read becomes an
/// [`ImportError`] like any other bad file.
pub async fn open(file: web_sys::File) -> Result<Notice, ImportError> {
    let file = gloo::file::File::from(file);
    match gloo::file::futures::read_as_bytes(&file).await {
        Ok(bytes) => import_bytes(&bytes),
        Err(e) => Err(ImportError {
            message_vi: format!("Không đọc được tệp ({e})."),
            message_en: format!("The file could not be read ({e})."),
        }),
    }
}
