// cicu.c — the only file of the project that includes ICU headers.

#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct cicu_break_iterator {
    UBreakIterator *iterator;
    UText *utext;          // set when fed through UText (offsets are then UTF-8 already)
    UChar *utf16;          // conversion buffer when fed UTF-16
    int32_t utf16_capacity;
    int32_t utf16_length;
    const uint8_t *utf8;
    int32_t utf8_length;
    int32_t utf16_cursor;  // where the last boundary was, in UTF-16 units …
    int32_t utf8_cursor;   // … and in UTF-8 bytes
    int32_t uses_utext;
    int32_t done;
};

int32_t cicu_break_open(cicu_break_kind kind, const char *locale, cicu_break_iterator **out) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == CICU_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &status);
    if (U_FAILURE(status)) return status;
    cicu_break_iterator *result = calloc(1, sizeof(cicu_break_iterator));
    if (result == NULL) {
        ubrk_close(iterator);
        return U_MEMORY_ALLOCATION_ERROR;
    }
    result->iterator = iterator;
    result->done = 1;
    *out = result;
    return status;
}

void cicu_break_close(cicu_break_iterator *iterator) {
    if (iterator == NULL) return;
    ubrk_close(iterator->iterator);
    if (iterator->utext != NULL) utext_close(iterator->utext);
    free(iterator->utf16);
    free(iterator);
}

int32_t cicu_break_set_utf8(cicu_break_iterator *iterator, const uint8_t *text, int32_t length,
                            int32_t use_utext) {
    UErrorCode status = U_ZERO_ERROR;
    iterator->utf8 = text;
    iterator->utf8_length = length;
    iterator->utf8_cursor = 0;
    iterator->utf16_cursor = 0;
    iterator->done = 0;
    iterator->uses_utext = use_utext != 0;
    if (use_utext) {
        iterator->utext = utext_openUTF8(iterator->utext, (const char *)text, length, &status);
        if (U_FAILURE(status)) return status;
        ubrk_setUText(iterator->iterator, iterator->utext, &status);
        return status;
    }
    // A UTF-16 string never has more units than the UTF-8 string has bytes.
    if (iterator->utf16_capacity < length + 1) {
        int32_t capacity = length + 1 > 256 ? length + 1 : 256;
        UChar *buffer = realloc(iterator->utf16, (size_t)capacity * sizeof(UChar));
        if (buffer == NULL) return U_MEMORY_ALLOCATION_ERROR;
        iterator->utf16 = buffer;
        iterator->utf16_capacity = capacity;
    }
    int32_t converted = 0;
    u_strFromUTF8(iterator->utf16, iterator->utf16_capacity, &converted, (const char *)text, length,
                  &status);
    if (U_FAILURE(status)) return status;
    iterator->utf16_length = converted;
    ubrk_setText(iterator->iterator, iterator->utf16, converted, &status);
    return status;
}

int32_t cicu_break_next_segments(cicu_break_iterator *iterator, int32_t *ends, int32_t *statuses,
                                 int32_t capacity) {
    if (iterator->done) return 0;
    int32_t count = 0;
    const UChar *units = iterator->utf16;
    while (count < capacity) {
        int32_t boundary = ubrk_next(iterator->iterator);
        if (boundary == UBRK_DONE) {
            iterator->done = 1;
            break;
        }
        if (!iterator->uses_utext) {
            // Walk the UTF-16 units since the last boundary, counting their UTF-8 bytes.
            int32_t i = iterator->utf16_cursor;
            int32_t bytes = iterator->utf8_cursor;
            while (i < boundary) {
                UChar unit = units[i];
                if (unit < 0x80) { bytes += 1; i += 1; }
                else if (unit < 0x800) { bytes += 2; i += 1; }
                else if (unit >= 0xD800 && unit <= 0xDBFF) { bytes += 4; i += 2; }
                else { bytes += 3; i += 1; }
            }
            iterator->utf16_cursor = boundary;
            iterator->utf8_cursor = bytes;
            ends[count] = bytes;
        } else {
            ends[count] = boundary;
        }
        statuses[count] = ubrk_getRuleStatus(iterator->iterator);
        count += 1;
    }
    return count;
}

const char *cicu_error_name(int32_t code) { return u_errorName((UErrorCode)code); }

int32_t cicu_nfkc(const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity,
                  int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    int32_t needed = unorm2_normalize(nfkc, source, length, destination, capacity, &status);
    *error = status;
    return needed;
}

int32_t cicu_region_display_name(const char *region, const char *display_locale,
                                 uint16_t *destination, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    char locale[16] = "und_";
    strncat(locale, region, sizeof(locale) - strlen(locale) - 1);
    int32_t needed = uloc_getDisplayCountry(locale, display_locale, destination, capacity, &status);
    *error = status;
    return needed;
}

int32_t cicu_iso_region_count(void) {
    const char *const *codes = uloc_getISOCountries();
    int32_t count = 0;
    while (codes[count] != NULL) count += 1;
    return count;
}

const char *cicu_iso_region(int32_t index) { return uloc_getISOCountries()[index]; }

void cicu_version(char *destination, int32_t capacity) {
    UVersionInfo version;
    u_getVersion(version);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, text);
    strncpy(destination, text, (size_t)capacity - 1);
    destination[capacity - 1] = 0;
}

int32_t cicu_word_break_class(int32_t scalar) {
    switch (u_getIntPropertyValue((UChar32)scalar, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER:
    case U_WB_MIDLETTER:
    case U_WB_MIDNUM:
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
    case U_WB_DOUBLE_QUOTE:
        return 0;
    case U_WB_ALETTER:
    case U_WB_HEBREW_LETTER:
        return 1;
    case U_WB_NUMERIC:
        return 2;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
    case U_WB_ZWJ:
        return 3;
    case U_WB_WSEGSPACE:
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE:
        return 4;
    default:
        return 5;
    }
}
