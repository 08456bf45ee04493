// A second C baseline, faster than fold.c because it checks less: it trusts its input to
// be valid UTF-8 (no continuation-byte checks) and maps a two-byte letter through a table
// straight to its replacement. The letter folds are the same as fold.c's, without the
// hamza composition. It shows what plain C reaches when it cuts the corners that
// arabic-text does not.
//
//   cc -O2 -o /tmp/fold-unchecked Benchmarks/baseline/fold-unchecked.c
//   /tmp/fold-unchecked ../shared/corpus/saudinewsnet-dev.jsonl > /dev/null
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    static uint32_t table[0x800];
    for (int i = 0; i < 0x800; i++) table[i] = (uint32_t)i;
    table[0x622] = table[0x623] = table[0x625] = table[0x671] = table[0x672] = table[0x673] = 0x627;
    table[0x649] = 0x64A;
    table[0x629] = 0x647;
    table[0x640] = 0xFFFFFFFF;
    for (int i = 0x64B; i <= 0x65F; i++) table[i] = 0xFFFFFFFF;
    table[0x670] = 0xFFFFFFFF;
    for (int i = 0x610; i <= 0x61A; i++) table[i] = 0xFFFFFFFF;
    for (int i = 0x6D6; i <= 0x6ED; i++) table[i] = 0xFFFFFFFF;
    for (int i = 0; i < 10; i++) table[0x660 + i] = table[0x6F0 + i] = '0' + i;
    table[0x6A9] = 0x643;
    table[0x6CC] = 0x64A;
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) return 1;
    size_t capacity = 1 << 18;
    uint8_t *in = malloc(capacity), *out = malloc(capacity * 2);
    ssize_t n;
    while ((n = read(fd, in, capacity)) > 0) {
        size_t o = 0;
        ssize_t i = 0;
        while (i < n) {
            uint8_t b = in[i];
            if (b < 0x80) { out[o++] = b; i++; continue; }
            if (b < 0xE0 && i + 1 < n) {
                uint32_t m = table[((b & 0x1F) << 6) | (in[i + 1] & 0x3F)];
                if (m == 0xFFFFFFFF) {
                } else if (m < 0x80) {
                    out[o++] = (uint8_t)m;
                } else {
                    out[o++] = (uint8_t)(0xC0 | (m >> 6));
                    out[o++] = (uint8_t)(0x80 | (m & 0x3F));
                }
                i += 2;
                continue;
            }
            int width = b < 0xF0 ? 3 : 4;
            for (int k = 0; k < width && i < n; k++) out[o++] = in[i++];
        }
        if (write(1, out, o) < 0) return 1;
    }
    return 0;
}
