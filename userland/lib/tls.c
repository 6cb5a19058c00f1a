/*
 * Static TLS blocks: each thread's copy of the .tdata/.tbss template the
 * linker script describes. Variables use the local-exec model, so the only
 * thing a thread needs is its thread pointer (riscv tp, x86_64 FS base).
 */
#include <keel/libc.h>
#include <keel/thread.h>

extern char __keel_tdata_start[], __keel_tdata_end[], __keel_tbss_size[];

static _Alignas(16) unsigned char root_tls[KEEL_TLS_AREA];

static seL4_Word template_size(void)
{
    seL4_Word data = (seL4_Word)(__keel_tdata_end - __keel_tdata_start);
    return (data + (seL4_Word)__keel_tbss_size + 15) & ~(seL4_Word)15;
}

seL4_Word keel_tls_init(void *area, seL4_Word size)
{
    seL4_Word block = template_size();
    if (block + 16 > size)
        return 0;
    /* Both layouts put the block at the start of the area; they differ in
     * where the thread pointer points (its start, or just past its end). */
    seL4_Word data = (seL4_Word)(__keel_tdata_end - __keel_tdata_start);
    memset(area, 0, block);
    memcpy(area, __keel_tdata_start, data);
    return keel_arch_tls_pointer(area, block);
}

void keel_tls_init_root(void)
{
    keel_arch_set_own_tls(keel_tls_init(root_tls, sizeof(root_tls)));
}
