/*
 * fold.c — a plain C baseline for `arabic-text normalize --preset search`.
 *
 * Reads a file (or standard input) with read(2) in 256 KiB chunks, decodes UTF-8
 * strictly (continuation bytes, overlong forms, surrogates and values past U+10FFFF are
 * rejected, as a correct decoder must), maps every code point below U+0800 through one
 * lookup table, re-encodes UTF-8 and write(2)s it. No SIMD, no tricks beyond the obvious
 * one any C programmer writes: ASCII bytes are copied without decoding.
 *
 * The table holds the letter part of the `search` preset: alef forms
 * (U+0622 U+0623 U+0625 U+0671 U+0672 U+0673 -> U+0627), alef maksura -> ya, ta marbuta
 * -> ha, tatweel and diacritics (U+064B-U+065F, U+0670, U+0610-U+061A, U+06D6-U+06ED)
 * removed (a combining madda or hamza, U+0653-U+0655, first composes with the letter
 * before it in the source, across harakat only, as canonical composition does:
 * ي + U+0654 -> ئ, ا + U+0655 -> إ -> ا), Persian letters (keheh -> kaf, Farsi yeh -> ya, heh goal and the other heh
 * forms -> ha, high hamza yeh -> yeh with hamza), Arabic-Indic and Persian digits ->
 * ASCII, U+066B -> '.', U+066C -> ','. Being a lookup table, the extra entries cost
 * nothing. What it does NOT do, and `search` does: remove invisible marks (bidi marks,
 * BOM, soft hyphen), turn Unicode spaces into spaces, collapse runs of spaces, fold
 * presentation forms through NFKC (and the spacing harakat forms among them to spaces).
 *
 *     cc -O2 -o fold fold.c
 *     ./fold FILE > out.txt
 *
 * Exits 1 with a message naming the byte offset on invalid UTF-8, 2 on I/O errors.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK (256 * 1024)
#define DELETE 0xFFFFu
#define COMPOSE 0xFFFEu

/* What each code point below U+0800 becomes: itself, another code point, or DELETE. */
static uint16_t fold_table[0x800];

static void set_range(unsigned first, unsigned last, uint16_t value) {
    for (unsigned cp = first; cp <= last; cp++) fold_table[cp] = value;
}

static void build_table(void) {
    for (unsigned cp = 0; cp < 0x800; cp++) fold_table[cp] = (uint16_t)cp;
    /* Alef forms. */
    fold_table[0x0622] = fold_table[0x0623] = fold_table[0x0625] = 0x0627;
    fold_table[0x0671] = fold_table[0x0672] = fold_table[0x0673] = 0x0627;
    fold_table[0x0649] = 0x064A; /* alef maksura -> ya */
    fold_table[0x0629] = 0x0647; /* ta marbuta -> ha */
    fold_table[0x0640] = DELETE; /* tatweel */
    /* Diacritics and Quranic marks. */
    set_range(0x064B, 0x065F, DELETE);
    fold_table[0x0670] = DELETE;
    set_range(0x0610, 0x061A, DELETE);
    set_range(0x06D6, 0x06ED, DELETE);
    set_range(0x0653, 0x0655, COMPOSE); /* removed too, after composing */
    /* Persian and Urdu letters. */
    fold_table[0x06A9] = 0x0643; /* keheh -> kaf */
    fold_table[0x06CC] = 0x064A; /* Farsi yeh -> ya */
    fold_table[0x06C0] = fold_table[0x06C1] = fold_table[0x06C2] = fold_table[0x06BE] = 0x0647;
    fold_table[0x0678] = 0x0626; /* high hamza yeh -> yeh with hamza */
    /* Digits. */
    for (unsigned d = 0; d < 10; d++) {
        fold_table[0x0660 + d] = (uint16_t)('0' + d);
        fold_table[0x06F0 + d] = (uint16_t)('0' + d);
    }
    fold_table[0x066B] = '.';
    fold_table[0x066C] = ',';
}

/* The letter that `letter` and a following combining madda or hamza compose to, or 0. */
static uint32_t compose(uint32_t letter, uint32_t mark) {
    switch (letter) {
    case 0x0627: return mark == 0x0653 ? 0x0622 : mark == 0x0654 ? 0x0623 : 0x0625; /* alef */
    case 0x0648: return mark == 0x0654 ? 0x0624 : 0; /* waw */
    case 0x064A: return mark == 0x0654 ? 0x0626 : 0; /* ya */
    case 0x06D5: return mark == 0x0654 ? 0x06C0 : 0; /* ae */
    case 0x06C1: return mark == 0x0654 ? 0x06C2 : 0; /* heh goal */
    case 0x06D2: return mark == 0x0654 ? 0x06D3 : 0; /* yeh barree */
    default: return 0;
    }
}

static void write_all(int fd, const uint8_t *data, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, data, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            perror("fold: write");
            exit(2);
        }
        data += written;
        length -= (size_t)written;
    }
}

static uint8_t *encode(uint8_t *out, uint32_t cp) {
    if (cp < 0x80) {
        *out++ = (uint8_t)cp;
    } else if (cp < 0x800) {
        *out++ = (uint8_t)(0xC0 | (cp >> 6));
        *out++ = (uint8_t)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out++ = (uint8_t)(0xE0 | (cp >> 12));
        *out++ = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        *out++ = (uint8_t)(0x80 | (cp & 0x3F));
    } else {
        *out++ = (uint8_t)(0xF0 | (cp >> 18));
        *out++ = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
        *out++ = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        *out++ = (uint8_t)(0x80 | (cp & 0x3F));
    }
    return out;
}

_Noreturn static void invalid(long long offset) {
    fprintf(stderr, "fold: invalid UTF-8 at byte %lld\n", offset);
    exit(1);
}

int main(int argc, char **argv) {
    int fd = STDIN_FILENO;
    if (argc > 2) {
        fprintf(stderr, "usage: fold [FILE]\n");
        return 2;
    }
    if (argc == 2 && strcmp(argv[1], "-") != 0) {
        fd = open(argv[1], O_RDONLY);
        if (fd < 0) {
            perror(argv[1]);
            return 2;
        }
    }
    build_table();

    /* Up to 3 bytes of a sequence cut by the chunk boundary wait at the front of `in`. */
    static uint8_t in[CHUNK + 4];
    /* Folds never lengthen: a letter stays 2 bytes or becomes 1 or 0. The last 2 bytes
     * written wait at the front of `out` for the next chunk, where a combining hamza may
     * still compose with them. */
    static uint8_t out[CHUNK + 8];
    size_t held = 0;
    /* The last two-byte character read, with only harakat (U+064B-U+0652, U+0670) after
     * it: what a combining madda or hamza composes with, as canonical composition does.
     * 0 when something else came between. */
    uint32_t base = 0;
    size_t carried = 0;
    long long consumed = 0; /* input bytes before in[0], for error offsets */

    for (;;) {
        ssize_t got = read(fd, in + carried, CHUNK);
        if (got < 0) {
            if (errno == EINTR) continue;
            perror("fold: read");
            return 2;
        }
        size_t length = carried + (size_t)got;
        if (got == 0) {
            if (carried > 0) invalid(consumed); /* truncated sequence at end of input */
            write_all(STDOUT_FILENO, out, held);
            break;
        }
        const uint8_t *p = in, *end = in + length;
        uint8_t *o = out + held;
        while (p < end) {
            uint8_t lead = *p;
            if (lead < 0x80) {
                *o++ = lead;
                base = 0;
                p++;
                continue;
            }
            uint32_t cp;
            size_t width;
            if (lead >= 0xC2 && lead < 0xE0) {
                width = 2;
            } else if (lead >= 0xE0 && lead < 0xF0) {
                width = 3;
            } else if (lead >= 0xF0 && lead < 0xF5) {
                width = 4;
            } else {
                invalid(consumed + (p - in));
            }
            if ((size_t)(end - p) < width) break; /* cut by the chunk: carry it over */
            if ((p[1] & 0xC0) != 0x80) invalid(consumed + (p - in));
            if (width == 2) {
                cp = (uint32_t)(lead & 0x1F) << 6 | (p[1] & 0x3F);
                uint16_t folded = fold_table[cp];
                if (folded < COMPOSE) {
                    o = encode(o, folded);
                } else if (folded == COMPOSE && base != 0 && o - out >= 2) {
                    /* The base letter's fold is the last 2 bytes written (harakat write none). */
                    uint32_t composed = compose(base, cp);
                    if (composed != 0) encode(o - 2, fold_table[composed]);
                }
                if (!((cp >= 0x064B && cp <= 0x0652) || cp == 0x0670)) base = cp;
            } else if (width == 3) {
                if ((p[2] & 0xC0) != 0x80) invalid(consumed + (p - in));
                cp = (uint32_t)(lead & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
                if (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000)) invalid(consumed + (p - in));
                o = encode(o, cp);
                base = 0;
            } else {
                if ((p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) invalid(consumed + (p - in));
                cp = (uint32_t)(lead & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 | (uint32_t)(p[2] & 0x3F) << 6 |
                     (p[3] & 0x3F);
                if (cp < 0x10000 || cp > 0x10FFFF) invalid(consumed + (p - in));
                o = encode(o, cp);
                base = 0;
            }
            p += width;
        }
        size_t produced = (size_t)(o - out);
        held = produced < 2 ? produced : 2;
        write_all(STDOUT_FILENO, out, produced - held);
        memmove(out, o - held, held);
        carried = (size_t)(end - p);
        memmove(in, p, carried);
        consumed += (long long)(length - carried);
    }
    return 0;
}
