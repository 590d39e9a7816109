/* Anchor for bench/threads.ts: the network of [2003] as in net.c (float weights stored column by
 * column, double state, dt = 1 ms, 1000 ms, weights scaled by 800/Ne and 200/Ni), its neurons split
 * among T POSIX threads as izhikit splits them: each thread draws the noise of its neurons (from a
 * generator of its own), finds which of them fire, waits for the others at a spinning barrier, then
 * adds every fired column to its neurons' input and updates their v and u. Its random numbers are
 * its own: the same statistics as izhikit's, not the same spikes.
 * Usage: net_threads NE NI T. Prints the time of the loop in ms and the mean rate in Hz. */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static _Thread_local uint64_t state;
static double uniform(void) {
  state ^= state << 13; state ^= state >> 7; state ^= state << 17;
  return (state >> 11) * (1.0 / 9007199254740992.0);
}
/* Marsaglia's polar method, both numbers of each pair used. */
static _Thread_local double spare;
static _Thread_local int has_spare = 0;
static double normal(void) {
  if (has_spare) { has_spare = 0; return spare; }
  double x, y, s;
  do { x = 2 * uniform() - 1; y = 2 * uniform() - 1; s = x * x + y * y; } while (s >= 1 || s == 0);
  double scale = sqrt(-2 * log(s) / s);
  spare = y * scale;
  has_spare = 1;
  return x * scale;
}

static int ne, n, threads;
static double *a, *b, *c, *d, *v, *u, *input;
static float *weights;
/* two fired buffers and two copies of the counts, alternating from step to step */
static int *fired;
static int counts[2][64];
static long spikes[64];
static atomic_int arrived, generation;

static void barrier(void) {
  int g = atomic_load(&generation);
  if (atomic_fetch_add(&arrived, 1) == threads - 1) {
    atomic_store(&arrived, 0);
    atomic_fetch_add(&generation, 1);
  } else
    while (atomic_load(&generation) == g) {}
}
static int bound(int t) { return (int)((long)n * t / threads) & ~3; }

static void *work(void *arg) {
  int id = (int)(intptr_t)arg, from = bound(id), to = id == threads - 1 ? n : bound(id + 1);
  state = 88172645463325252ull + 0x9E3779B97F4A7C15ull * (uint64_t)id;
  int *list = malloc(n * sizeof *list);
  for (int t = 1; t <= 1000; t++) {
    int *buffer = fired + (t & 1) * n;
    for (int i = from; i < to; i++) input[i] = (i < ne ? 5 : 2) * normal();
    int nf = 0;
    for (int i = from; i < to; i++)
      if (v[i] >= 30) { buffer[from + nf++] = i; v[i] = c[i]; u[i] += d[i]; }
    counts[t & 1][id] = nf;
    spikes[id] += nf;
    barrier();
    int total = 0;
    for (int q = 0; q < threads; q++)
      for (int f = 0; f < counts[t & 1][q]; f++) list[total++] = buffer[bound(q) + f];
    for (int f = 0; f < total; f++) {
      const float *column = weights + (size_t)list[f] * n;
      for (int i = from; i < to; i++) input[i] += column[i];
    }
    for (int i = from; i < to; i++) {
      v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + input[i]);
      v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + input[i]);
      u[i] += a[i] * (b[i] * v[i] - u[i]);
    }
  }
  free(list);
  return 0;
}

int main(int argc, char **argv) {
  ne = argc > 1 ? atoi(argv[1]) : 800;
  int ni = argc > 2 ? atoi(argv[2]) : 200;
  threads = argc > 3 ? atoi(argv[3]) : 2;
  if (threads < 1 || threads > 64) { fprintf(stderr, "threads: 1 to 64\n"); return 2; }
  n = ne + ni;
  state = 88172645463325252ull;
  a = malloc(n * sizeof *a); b = malloc(n * sizeof *b); c = malloc(n * sizeof *c);
  d = malloc(n * sizeof *d); v = malloc(n * sizeof *v); u = malloc(n * sizeof *u);
  input = malloc(n * sizeof *input);
  fired = malloc(2 * n * sizeof *fired);
  weights = malloc((size_t)n * n * sizeof *weights);
  for (int i = 0; i < n; i++) {
    double r = uniform();
    if (i < ne) { a[i] = 0.02; b[i] = 0.2; c[i] = -65 + 15 * r * r; d[i] = 8 - 6 * r * r; }
    else { a[i] = 0.02 + 0.08 * r; b[i] = 0.25 - 0.05 * r; c[i] = -65; d[i] = 2; }
    v[i] = -65; u[i] = b[i] * v[i];
  }
  for (int j = 0; j < n; j++)
    for (int i = 0; i < n; i++)
      weights[(size_t)j * n + i] = j < ne ? 0.5 * uniform() * 800.0 / ne : -uniform() * 200.0 / ni;
  pthread_t workers[64];
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (int t = 1; t < threads; t++) pthread_create(&workers[t], 0, work, (void *)(intptr_t)t);
  work(0);
  for (int t = 1; t < threads; t++) pthread_join(workers[t], 0);
  clock_gettime(CLOCK_MONOTONIC, &end);
  double ms = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;
  long count = 0;
  for (int t = 0; t < threads; t++) count += spikes[t];
  printf("%.1f %.2f\n", ms, (double)count / n);
  return 0;
}
