//! Inputs and the streaming iterator over all their articles.
//!
//! Invariants: a folder is walked lazily and inputs are opened one after the
//! other, so memory does not grow with the number or size of inputs; HTML
//! pages (files of a folder or of the list, one after the other) are read a
//! bounded number of pages and bytes ahead and extracted in parallel (see
//! [`crate::ahead`]), results in input order; an input that
//! fails to open, or an entry of a folder that cannot be read, yields one
//! error and the next input is read; folders are walked in file-name order
//! so runs are reproducible.

use crate::ahead::{self, Ahead, Item};
use crate::feed::FeedReader;
use crate::html::{read_html, PendingPage};
use crate::jsonl::JsonlReader;
use crate::sniff::{self, Kind, NameParts, Reader};
use crate::text::read_text;
use crate::warc::WarcReader;
use crate::{Position, ReadError, ReadOptions};
use chronicle_core::Document;
use flate2::bufread::MultiGzDecoder;
use std::collections::VecDeque;
use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, BufReader};
use std::path::{Path, PathBuf};
use walkdir::{DirEntry, FilterEntry, WalkDir};

/// Read buffer for files and decompressed streams.
const BUFFER: usize = 64 * 1024;

/// One command-line input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder.
    Path(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// `-` is standard input; anything else a path.
    pub fn from_arg(arg: impl AsRef<OsStr>) -> Input {
        let arg = arg.as_ref();
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    /// The name used in errors and in `Origin::input`: the path, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Stdin => "-".to_owned(),
        }
    }
}

impl From<PathBuf> for Input {
    fn from(path: PathBuf) -> Input {
        Input::Path(path)
    }
}

/// The reason for an error that broke a stream off.
pub(crate) fn stream_error(e: &io::Error, compressed: bool) -> String {
    if compressed {
        format!("damaged gzip stream: {e}")
    } else {
        format!("read error: {e}")
    }
}

/// Reads a whole text or HTML input, but never more than `max_bytes + 1`
/// bytes: the one byte over the limit is how a too-large input is told
/// apart, without holding the rest in memory. On a broken stream, returns
/// what was read and the reason.
pub(crate) fn read_capped(
    reader: &mut dyn io::BufRead,
    max_bytes: usize,
    compressed: bool,
) -> Result<Vec<u8>, (Vec<u8>, String)> {
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut buf = Vec::new();
    match io::Read::read_to_end(&mut io::Read::take(reader, limit), &mut buf) {
        Ok(_) => Ok(buf),
        Err(e) => {
            let reason = stream_error(&e, compressed);
            Err((buf, reason))
        }
    }
}

/// The articles still to come from one input.
pub(crate) enum Source<'a> {
    /// A text input's one result, or nothing once taken (boxed: a document
    /// is large and the empty case common).
    One(Option<Box<Result<Document, ReadError>>>),
    /// An HTML page read, not yet extracted, or nothing once taken.
    Page(Option<Box<PendingPage>>),
    Jsonl(JsonlReader<'a>),
    Warc(Box<WarcReader<'a>>),
    Feed(Box<FeedReader>),
}

impl Iterator for Source<'_> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Source::One(item) => item.take().map(|item| *item),
            Source::Page(page) => page.take().map(|page| page.document()),
            Source::Jsonl(reader) => reader.next(),
            Source::Warc(reader) => reader.next(),
            Source::Feed(reader) => reader.next(),
        }
    }
}

/// Opens one input stream named `input`: undoes gzip, decides the format and,
/// for text, reads the article at once.
pub(crate) fn open<'a>(input: &str, mut reader: Reader<'a>, opts: &ReadOptions) -> Source<'a> {
    let fail = |position, reason| {
        Source::One(Some(Box::new(Err(ReadError::new(input, position, reason)))))
    };
    let name = NameParts::of(input);
    let (prefix, err) = sniff::read_prefix(&mut *reader, sniff::enough_to_sniff);
    if let Some(e) = err {
        return fail(Position::None, stream_error(&e, false));
    }
    let compressed = sniff::is_gzip(&prefix);
    let mut reader = sniff::unread(prefix, reader);
    if compressed {
        reader = Box::new(BufReader::with_capacity(
            BUFFER,
            MultiGzDecoder::new(reader),
        ));
    }
    let kind = match sniff::kind_from_name(opts.format, name.ext.as_deref()) {
        Some(kind) => kind,
        None => {
            let (prefix, err) = sniff::read_prefix(&mut *reader, sniff::enough_to_sniff_kind);
            if let Some(e) = err {
                let line = crate::text::line_of(&prefix, prefix.len());
                return fail(Position::Line(line), stream_error(&e, compressed));
            }
            let kind = sniff::kind_from_content(&prefix);
            reader = sniff::unread(prefix, reader);
            kind
        }
    };
    match kind {
        Kind::Jsonl => Source::Jsonl(JsonlReader::new(input, name.stem, reader, compressed, opts)),
        Kind::Warc => Source::Warc(Box::new(WarcReader::new(
            input, name.stem, reader, compressed, opts,
        ))),
        Kind::Feed => Source::Feed(Box::new(FeedReader::new(
            input,
            name.stem,
            &mut *reader,
            compressed,
            opts,
        ))),
        Kind::Html => match read_html(input, &name.stem, &mut *reader, compressed, opts) {
            Ok(page) => Source::Page(Some(Box::new(page))),
            Err(e) => Source::One(Some(Box::new(Err(e)))),
        },
        Kind::Text(mode) => Source::One(Some(Box::new(read_text(
            input,
            &name.stem,
            &mut *reader,
            mode,
            compressed,
            opts,
        )))),
    }
}

type Walk = FilterEntry<walkdir::IntoIter, fn(&DirEntry) -> bool>;

/// Hidden files and folders (`.git`, editor back-ups) are not articles; the
/// folder the user named is walked even if its own name starts with a dot.
fn not_hidden(entry: &DirEntry) -> bool {
    entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
}

/// Every article of a list of inputs, in order, one at a time.
pub struct Articles {
    opts: ReadOptions,
    pending: VecDeque<Input>,
    walk: Option<Walk>,
    current: Source<'static>,
    /// Results of pages read ahead, not yet returned.
    ready: VecDeque<Item>,
}

impl Articles {
    pub fn new(inputs: Vec<Input>, opts: ReadOptions) -> Articles {
        Articles {
            opts,
            pending: inputs.into(),
            walk: None,
            current: Source::One(None),
            ready: VecDeque::new(),
        }
    }

    fn open_file(&self, path: &Path) -> Source<'static> {
        let name = path.display().to_string();
        match File::open(path) {
            Ok(file) => open(
                &name,
                Box::new(BufReader::with_capacity(BUFFER, file)),
                &self.opts,
            ),
            Err(e) => failed(ReadError::new(
                name,
                Position::None,
                format!("cannot open: {e}"),
            )),
        }
    }

    /// Starts the next input: its source, or `None` for a folder, whose
    /// walk has begun.
    fn start(&mut self, input: Input) -> Option<Source<'static>> {
        let path = match input {
            Input::Stdin => {
                // `Stdin`, unlike its lock, is `Send`, so `Articles` stays `Send`.
                let stdin = BufReader::with_capacity(BUFFER, io::stdin());
                return Some(open("-", Box::new(stdin), &self.opts));
            }
            Input::Path(path) => path,
        };
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                let walk = WalkDir::new(&path)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(not_hidden as fn(&DirEntry) -> bool);
                self.walk = Some(walk);
                None
            }
            Ok(_) => Some(self.open_file(&path)),
            Err(e) => Some(failed(ReadError::new(
                path.display().to_string(),
                Position::None,
                format!("cannot open: {e}"),
            ))),
        }
    }

    /// The source of the next input: the next file of the folder being
    /// walked (an error for an entry that cannot be read), else of the next
    /// input given; `None` once all are done.
    fn next_source(&mut self) -> Option<Source<'static>> {
        loop {
            match self.next_in_folder() {
                Some(Ok(path)) => return Some(self.open_file(&path)),
                Some(Err(e)) => return Some(failed(e)),
                None => {}
            }
            let input = self.pending.pop_front()?;
            if let Some(source) = self.start(input) {
                return Some(source);
            }
        }
    }

    /// The next input as an item of a read-ahead: a page to extract, or a
    /// result known at once. An input read as a stream (JSON Lines, WARC,
    /// feeds) ends the read-ahead: it becomes the current source, read
    /// after the pages before it.
    fn next_ahead(&mut self) -> Option<Ahead<PendingPage>> {
        loop {
            match self.next_source()? {
                Source::One(Some(item)) => return Some(Ahead::Ready(item)),
                Source::Page(Some(page)) => return Some(Ahead::Pending(*page)),
                Source::One(None) | Source::Page(None) => {}
                stream => {
                    self.current = stream;
                    return None;
                }
            }
        }
    }

    /// The next file of the folder being walked that may hold articles, or an error for an
    /// entry that cannot be read; `None` once the folder is done.
    fn next_in_folder(&mut self) -> Option<Result<PathBuf, ReadError>> {
        let walk = self.walk.as_mut()?;
        for entry in walk.by_ref() {
            match entry {
                Ok(entry) => {
                    let name = entry.file_name().to_string_lossy();
                    if entry.file_type().is_file() && sniff::is_article_file(&name) {
                        return Some(Ok(entry.into_path()));
                    }
                }
                Err(e) => {
                    let input = e
                        .path()
                        .map_or_else(String::new, |p| p.display().to_string());
                    let reason = match e.io_error() {
                        Some(io) => format!("cannot read: {io}"),
                        None => e.to_string(),
                    };
                    return Some(Err(ReadError::new(input, Position::None, reason)));
                }
            }
        }
        self.walk = None;
        None
    }
}

/// The source of an input that failed to open.
fn failed(e: ReadError) -> Source<'static> {
    Source::One(Some(Box::new(Err(e))))
}

impl Iterator for Articles {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if let Some(item) = self.current.next() {
                return Some(item);
            }
            self.current = Source::One(None);
            let items = ahead::pull(|| self.next_ahead(), PendingPage::bytes);
            if items.is_empty() && matches!(self.current, Source::One(None)) {
                return None;
            }
            self.ready.extend(ahead::make(
                items,
                PendingPage::markup,
                PendingPage::document,
            ));
        }
    }
}
