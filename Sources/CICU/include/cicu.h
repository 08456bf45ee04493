// cicu.h — the one door to ICU.
//
// This header deliberately includes no ICU header: on Linux, Swift's Foundation
// carries its own ICU module, and a Swift module that sees both fails to compile.
// Everything here is plain C over stdint types and opaque handles; only cicu.c
// includes <unicode/*.h>.

#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which ICU break iterator to open.
typedef enum {
    CICU_BREAK_WORD = 0,
    CICU_BREAK_SENTENCE = 1,
} cicu_break_kind;

/// An ICU break iterator plus the buffers it needs; opaque to Swift.
typedef struct cicu_break_iterator cicu_break_iterator;

/// Opens a break iterator for `locale` (e.g. "ar"). Returns an ICU error code
/// (<= 0 is success or a warning) and stores the handle in `*out` on success.
int32_t cicu_break_open(cicu_break_kind kind, const char *locale, cicu_break_iterator **out);

/// Frees the iterator and its buffers. Accepts NULL.
void cicu_break_close(cicu_break_iterator *iterator);

/// Gives the iterator valid UTF-8 text, which must stay alive while segments are read.
/// `use_utext` != 0 feeds ICU the UTF-8 directly through UText; 0 converts to UTF-16
/// first (measured faster on this project's corpus). Returns an ICU error code.
int32_t cicu_break_set_utf8(cicu_break_iterator *iterator, const uint8_t *text, int32_t length,
                            int32_t use_utext);

/// Reads up to `capacity` further segments: `ends[i]` is the UTF-8 offset where segment i
/// ends (it starts where the previous one ended, the first at 0) and `statuses[i]` is ICU's
/// rule status for it (word kind: 0–99 none, 100–199 number, 200–299 letter, …).
/// Returns how many were written; 0 once the text is exhausted.
int32_t cicu_break_next_segments(cicu_break_iterator *iterator, int32_t *ends, int32_t *statuses,
                                 int32_t capacity);

/// The symbolic name of an ICU error code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *cicu_error_name(int32_t code);

/// NFKC-normalizes UTF-16 `source` into `destination`. Returns the length needed
/// (which may exceed `capacity`, then nothing useful is written) and sets `*error`.
int32_t cicu_nfkc(const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity,
                  int32_t *error);

/// Writes the display name of `region` (ISO 3166 alpha-2, e.g. "RU") in `display_locale`
/// (e.g. "ar") as UTF-16. Returns the length needed and sets `*error`.
int32_t cicu_region_display_name(const char *region, const char *display_locale,
                                 uint16_t *destination, int32_t capacity, int32_t *error);

/// The number of ISO 3166 alpha-2 region codes ICU knows.
int32_t cicu_iso_region_count(void);

/// The ISO 3166 alpha-2 code at `index` (0 ..< cicu_iso_region_count()), a static C string.
const char *cicu_iso_region(int32_t index);

/// How a character behaves for word breaking, from ICU's Word_Break property, simplified:
/// 0 stands apart (Other, MidLetter, MidNum, MidNumLet, quotes), 1 letter (ALetter,
/// Hebrew_Letter), 2 digit (Numeric), 3 attaches to what precedes (Extend, Format, ZWJ),
/// 4 whitespace (WSegSpace, CR, LF, Newline), 5 joins by other rules (ExtendNumLet,
/// Katakana, Regional_Indicator, emoji modifiers …).
int32_t cicu_word_break_class(int32_t scalar);

/// ICU's version, e.g. "72.1", written into `destination` (at least 20 bytes).
void cicu_version(char *destination, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
