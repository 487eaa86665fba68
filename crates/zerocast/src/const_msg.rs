// SPDX-License-Identifier: MIT OR Apache-2.0
//! Messages built at compile time, for the `const` assertions that reject layouts and
//! transmutes with the facts (type names, sizes, offsets) in the error.

/// A message of at most `CAP` bytes, built in a `const` context and raised with [`Msg::panic`].
/// Longer messages are cut at a character boundary.
pub(crate) struct Msg {
    buf: [u8; Msg::CAP],
    len: usize,
}

impl Msg {
    const CAP: usize = 1024;

    /// An empty message.
    #[must_use]
    pub(crate) const fn new() -> Msg {
        Msg {
            buf: [0; Msg::CAP],
            len: 0,
        }
    }

    /// Appends `s`.
    #[must_use]
    pub(crate) const fn str(mut self, s: &str) -> Msg {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() && self.len < Msg::CAP {
            self.buf[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        // Never leave half a character at the end.
        if i < bytes.len() {
            while self.len > 0 && (self.buf[self.len - 1] & 0xC0) == 0x80 {
                self.len -= 1;
            }
            if self.len > 0 && self.buf[self.len - 1] >= 0xC0 {
                self.len -= 1;
            }
        }
        self
    }

    /// Appends `n` in decimal.
    #[must_use]
    pub(crate) const fn num(self, mut n: usize) -> Msg {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        match core::str::from_utf8(digits.split_at(i).1) {
            Ok(s) => self.str(s),
            Err(_) => self,
        }
    }

    /// The message so far.
    #[must_use]
    pub(crate) const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.buf.split_at(self.len).0) {
            Ok(s) => s,
            // `str` keeps `buf[..len]` valid UTF-8: it copies whole strings, or cuts at a
            // character boundary.
            Err(_) => "zerocast: internal error building a compile-time message",
        }
    }

    /// Stops compilation (in a `const` context) or execution with this message.
    ///
    /// # Panics
    ///
    /// Always: that is its purpose.
    pub(crate) const fn panic(&self) -> ! {
        panic!("{}", self.as_str())
    }
}

impl Default for Msg {
    fn default() -> Msg {
        Msg::new()
    }
}

#[cfg(test)]
mod tests {
    use super::Msg;
    use std::string::ToString;

    #[test]
    fn builds_numbers_and_text() {
        let m = Msg::new()
            .str("a")
            .num(0)
            .str(" ")
            .num(1234567890)
            .str(" é");
        assert_eq!(m.as_str(), "a0 1234567890 é");
        assert_eq!(Msg::new().num(usize::MAX).as_str(), usize::MAX.to_string());
    }

    #[test]
    fn truncates_at_char_boundary() {
        let long = "é".repeat(600);
        let m = Msg::new().str(&long);
        assert!(m.as_str().len() <= 1024);
        assert!(m.as_str().chars().all(|c| c == 'é'));
    }
}
