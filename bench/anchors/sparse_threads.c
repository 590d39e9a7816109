/* A plain C version of the sparse network of SPEC §8 on POSIX threads, the anchor izhikit's
 * sparse network on several threads is measured against: the network, storage and step of
 * sparse.c, its neurons split among T threads as izhikit splits them. Each thread draws the noise
 * of its neurons (from a generator of its own), finds which of them fire, waits for the others at
 * a spinning barrier, then delivers every spike over the part of its row that targets the
 * thread's neurons (each row split at the thread's bounds in advance) and updates their v and u.
 * Its random numbers are its own: the same statistics as izhikit's, not the same spikes.
 * Usage: sparse_threads NE NI K MS T [SEED]; prints "loop_ms rate_hz setup_ms max_rss_mb". */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static _Thread_local uint64_t s0, s1;
static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static uint64_t next(void) {
  uint64_t a = s0, b = s1, r = a + b;
  b ^= a;
  s0 = rotl(a, 24) ^ b ^ (b << 16);
  s1 = rotl(b, 37);
  return r;
}
static double uniform(void) { return (next() >> 11) * 0x1.0p-53; }
static double normal(void) {
  static _Thread_local int have = 0;
  static _Thread_local double spare;
  if (have) { have = 0; return spare; }
  double x, y, r;
  do { x = 2 * uniform() - 1; y = 2 * uniform() - 1; r = x * x + y * y; } while (r >= 1 || r == 0);
  double f = sqrt(-2 * log(r) / r);
  spare = y * f; have = 1;
  return x * f;
}
static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}


static int threads, n, steps;
static double *a, *b, *c, *d, *v, *u, *I, *sigma;
static int32_t *target;
static float *weight;
/* two fired buffers and two copies of the counts, alternating from step to step */
static int *fired;
static int counts[2][64];
static long spikes[64];
/* thread t delivers synapses first[t][j] … last[t][j] − 1 of neuron j's row */
static long *first[64], *last[64];
static atomic_int arrived, generation;

static void barrier(void) {
  int g = atomic_load(&generation);
  if (atomic_fetch_add(&arrived, 1) == threads - 1) {
    atomic_store(&arrived, 0);
    atomic_fetch_add(&generation, 1);
  } else
    while (atomic_load(&generation) == g) {}
}
static int bound(int t) { return (int)((long)n * t / threads); }

static void *work(void *arg) {
  int id = (int)(intptr_t)arg, from = bound(id), to = bound(id + 1);
  s0 = 0x9E3779B97F4A7C15ull ^ (uint64_t)(1000 + id); s1 = 0xBF58476D1CE4E5B9ull + (uint64_t)id;
  for (int i = 0; i < 32; i++) next();
  const long *fs = first[id], *ls = last[id];
  for (int t = 1; t <= steps; t++) {
    int *buffer = fired + (t & 1) * n;
    for (int i = from; i < to; i++) I[i] = sigma[i] * normal();
    int count = 0;
    for (int i = from; i < to; i++)
      if (v[i] >= 30) { buffer[from + count++] = i; v[i] = c[i]; u[i] += d[i]; }
    counts[t & 1][id] = count;
    spikes[id] += count;
    barrier();
    for (int q = 0; q < threads; q++) {
      const int *spiked = buffer + bound(q);
      for (int f = 0; f < counts[t & 1][q]; f++) {
        int j = spiked[f];
        for (long s = fs[j]; s < ls[j]; s++) I[target[s]] += weight[s];
      }
    }
    for (int i = from; i < to; i++) {
      v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + I[i]);
      v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + I[i]);
      u[i] += a[i] * (b[i] * v[i] - u[i]);
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 6) { fprintf(stderr, "usage: sparse_threads NE NI K MS T [SEED]\n"); return 2; }
  int ne = atoi(argv[1]), ni = atoi(argv[2]), k = atoi(argv[3]);
  steps = atoi(argv[4]);
  threads = atoi(argv[5]);
  if (threads < 1 || threads > 64) { fprintf(stderr, "threads: 1 to 64\n"); return 2; }
  uint64_t seed = argc > 6 ? strtoull(argv[6], 0, 10) : 1;
  n = ne + ni;
  int ke = (int)lround((double)k * ne / n);
  s0 = 0x9E3779B97F4A7C15ull ^ seed; s1 = 0xBF58476D1CE4E5B9ull + seed;
  for (int i = 0; i < 32; i++) next();
  double t0 = now_ms();
  a = malloc(n * sizeof *a); b = malloc(n * sizeof *b); c = malloc(n * sizeof *c);
  d = malloc(n * sizeof *d); v = malloc(n * sizeof *v); u = malloc(n * sizeof *u);
  I = malloc(n * sizeof *I); sigma = malloc(n * sizeof *sigma);
  for (int i = 0; i < n; i++) {
    double r = uniform();
    if (i < ne) { a[i] = 0.02; b[i] = 0.2; c[i] = -65 + 15 * r * r; d[i] = 8 - 6 * r * r; sigma[i] = 5; }
    else { a[i] = 0.02 + 0.08 * r; b[i] = 0.25 - 0.05 * r; c[i] = -65; d[i] = 2; sigma[i] = 2; }
    v[i] = -65; u[i] = b[i] * v[i];
  }
  /* sources drawn onto each neuron, then turned around into rows by presynaptic neuron */
  long total = (long)n * k;
  int32_t *source = malloc(total * sizeof *source);
  long *start = calloc(n + 1, sizeof *start);
  for (int i = 0; i < n; i++)
    for (int s = 0; s < k; s++) {
      int j = s < ke ? (int)(uniform() * ne) : ne + (int)(uniform() * ni);
      source[(long)i * k + s] = j;
      start[j + 1]++;
    }
  for (int j = 0; j < n; j++) start[j + 1] += start[j];
  target = malloc(total * sizeof *target);
  weight = malloc(total * sizeof *weight);
  long *fill = malloc(n * sizeof *fill);
  for (int j = 0; j < n; j++) fill[j] = start[j];
  double we = ke > 0 ? 0.5 * 800.0 / ke : 0, wi = k > ke ? -200.0 / (k - ke) : 0;
  for (int i = 0; i < n; i++)
    for (int s = 0; s < k; s++) {
      int j = source[(long)i * k + s];
      long slot = fill[j]++;
      target[slot] = i;
      weight[slot] = (float)(uniform() * (j < ne ? we : wi));
    }
  free(source); free(fill);
  /* targets ascend in each row: each thread's part of a row is one run of it */
  for (int t = 0; t < threads; t++) {
    first[t] = malloc(n * sizeof(long)); last[t] = malloc(n * sizeof(long));
    for (int j = 0; j < n; j++) {
      long s = start[j];
      while (s < start[j + 1] && target[s] < bound(t)) s++;
      first[t][j] = s;
      while (s < start[j + 1] && target[s] < bound(t + 1)) s++;
      last[t][j] = s;
    }
  }
  fired = malloc(2 * n * sizeof *fired);
  pthread_t workers[64];
  double t1 = now_ms();
  for (int t = 1; t < threads; t++) pthread_create(&workers[t], 0, work, (void *)(intptr_t)t);
  work(0);
  for (int t = 1; t < threads; t++) pthread_join(workers[t], 0);
  double t2 = now_ms();
  long count = 0;
  for (int t = 0; t < threads; t++) count += spikes[t];
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  printf("%.1f %.3f %.1f %.1f\n", t2 - t1, count * 1000.0 / steps / n, t1 - t0, usage.ru_maxrss / 1024.0);
  return 0;
}
