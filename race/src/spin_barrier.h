/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generation-counting spin barrier. The race window is about a microsecond;
 * futex-based barriers wake threads tens of microseconds apart and almost
 * never hit it, so the senders spin.
 */
#ifndef UDP_RACE_SPIN_BARRIER_H
#define UDP_RACE_SPIN_BARRIER_H

#include <stdatomic.h>

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ __volatile__("yield");
#endif
}

/* Every field is atomic: race_stop() changes @parties while senders spin. */
struct spin_barrier {
	atomic_uint arrived;
	atomic_uint generation;
	atomic_uint parties;
};

static inline void spin_barrier_init(struct spin_barrier *b, unsigned int n)
{
	atomic_init(&b->arrived, 0);
	atomic_init(&b->generation, 0);
	atomic_init(&b->parties, n);
}

/* Lets @n parties through from the next wait on (the stopping thread). */
static inline void spin_barrier_set_parties(struct spin_barrier *b,
					    unsigned int n)
{
	atomic_store_explicit(&b->parties, n, memory_order_release);
}

static inline void spin_barrier_wait(struct spin_barrier *b)
{
	unsigned int gen = atomic_load_explicit(&b->generation,
						memory_order_acquire);

	if (atomic_fetch_add_explicit(&b->arrived, 1, memory_order_acq_rel) + 1 ==
	    atomic_load_explicit(&b->parties, memory_order_acquire)) {
		atomic_store_explicit(&b->arrived, 0, memory_order_relaxed);
		atomic_fetch_add_explicit(&b->generation, 1, memory_order_release);
		return;
	}
	while (atomic_load_explicit(&b->generation, memory_order_acquire) == gen)
		cpu_relax();
}

/* Busy-waits @loops pause instructions (about 20-40 ns each). */
static inline void spin_delay(unsigned int loops)
{
	while (loops--)
		cpu_relax();
}

#endif
