/*
 * Calls into the SBI firmware (OpenSBI) below the kernel: an ecall from
 * S-mode with the extension id in a7, the function id in a6 and arguments in
 * a0..a5; the firmware answers with an error code in a0 and a value in a1.
 * OpenSBI v1.1 implements SBI 1.0: TIME and SRST exist, the debug console
 * (DBCN) does not, so early output uses the legacy putchar (EID 1).
 */
#include "riscv.h"

#define SBI_EID_LEGACY_PUTCHAR  0x01
#define SBI_EID_LEGACY_TIMER    0x00
#define SBI_EID_BASE            0x10
#define SBI_EID_TIME            0x54494d45      /* "TIME" */
#define SBI_EID_SRST            0x53525354      /* "SRST" */
#define SBI_BASE_PROBE          3
#define SBI_SRST_SHUTDOWN       0
#define SBI_SRST_NO_REASON      0
#define SBI_SRST_FAILURE        1

static bool have_time_ext;

struct sbi_ret sbi_call(word_t eid, word_t fid, word_t a0, word_t a1, word_t a2)
{
    register word_t r_a0 __asm__("a0") = a0;
    register word_t r_a1 __asm__("a1") = a1;
    register word_t r_a2 __asm__("a2") = a2;
    register word_t r_a6 __asm__("a6") = fid;
    register word_t r_a7 __asm__("a7") = eid;
    __asm__ volatile("ecall"
                     : "+r"(r_a0), "+r"(r_a1)
                     : "r"(r_a2), "r"(r_a6), "r"(r_a7)
                     : "memory");
    return (struct sbi_ret){ .error = (long)r_a0, .value = (long)r_a1 };
}

void sbi_legacy_putchar(int c)
{
    sbi_call(SBI_EID_LEGACY_PUTCHAR, 0, (word_t)c, 0, 0);
}

/* Called once at boot: SBI 0.1 firmware has only the legacy timer call. */
void sbi_init(void)
{
    struct sbi_ret r = sbi_call(SBI_EID_BASE, SBI_BASE_PROBE, SBI_EID_TIME, 0, 0);
    have_time_ext = r.error == 0 && r.value != 0;
}

/* Ask for a supervisor timer interrupt at time 'when'; this also clears a
 * pending one (sip.STIP), which S-mode cannot clear itself. */
void sbi_set_timer(uint64_t when)
{
    if (have_time_ext)
        sbi_call(SBI_EID_TIME, 0, when, 0, 0);
    else
        sbi_call(SBI_EID_LEGACY_TIMER, 0, when, 0, 0);
}

_Noreturn void sbi_shutdown(bool failure)
{
    sbi_call(SBI_EID_SRST, SBI_SRST_SHUTDOWN, 0,
             failure ? SBI_SRST_FAILURE : SBI_SRST_NO_REASON, 0);
    for (;;)
        __asm__ volatile("wfi");
}
