/* A plain C version of the sparse network of SPEC §8, the anchor izhikit's sparse network is
 * measured against: N = Ne + Ni neurons of [2003], K incoming synapses each (Ke = round(K·Ne/N)
 * from excitatory sources, the rest inhibitory, drawn uniformly with replacement), weights
 * 0.5·U·800/Ke and −U·200/(K − Ke), stored by presynaptic neuron (targets ascending, int32 targets,
 * float weights); each step: thalamic noise, threshold and reset, event-driven delivery of each
 * spike over its outgoing synapses, two half-steps of v, u. One core, dt = 1 ms.
 * Its random numbers (xoroshiro128+, polar normal numbers) are its own: the same statistics as
 * izhikit's, not the same spikes.
 * Usage: sparse NE NI K MS [SEED]; prints "loop_ms rate_hz setup_ms max_rss_mb". */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static uint64_t s0, s1;
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
  static int have = 0;
  static double spare;
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

int main(int argc, char **argv) {
  if (argc < 5) { fprintf(stderr, "usage: sparse NE NI K MS [SEED]\n"); return 2; }
  int ne = atoi(argv[1]), ni = atoi(argv[2]), k = atoi(argv[3]), steps = atoi(argv[4]);
  uint64_t seed = argc > 5 ? strtoull(argv[5], 0, 10) : 1;
  int n = ne + ni;
  int ke = (int)lround((double)k * ne / n);
  s0 = 0x9E3779B97F4A7C15ull ^ seed; s1 = 0xBF58476D1CE4E5B9ull + seed;
  for (int i = 0; i < 32; i++) next();
  double t0 = now_ms();
  double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *c = malloc(n * sizeof *c),
         *d = malloc(n * sizeof *d), *v = malloc(n * sizeof *v), *u = malloc(n * sizeof *u),
         *I = malloc(n * sizeof *I), *sigma = malloc(n * sizeof *sigma);
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
  int32_t *target = malloc(total * sizeof *target);
  float *weight = malloc(total * sizeof *weight);
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
  int *fired = malloc(n * sizeof *fired);
  long spikes = 0;
  double t1 = now_ms();
  for (int t = 1; t <= steps; t++) {
    for (int i = 0; i < n; i++) I[i] = sigma[i] * normal();
    int count = 0;
    for (int i = 0; i < n; i++)
      if (v[i] >= 30) { fired[count++] = i; v[i] = c[i]; u[i] += d[i]; }
    spikes += count;
    for (int f = 0; f < count; f++) {
      int j = fired[f];
      for (long s = start[j]; s < start[j + 1]; s++) I[target[s]] += weight[s];
    }
    for (int i = 0; i < n; i++) {
      v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + I[i]);
      v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + I[i]);
      u[i] += a[i] * (b[i] * v[i] - u[i]);
    }
  }
  double t2 = now_ms();
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  printf("%.1f %.3f %.1f %.1f\n", t2 - t1, spikes * 1000.0 / steps / n, t1 - t0, usage.ru_maxrss / 1024.0);
  return 0;
}
