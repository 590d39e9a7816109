/* Anchor for bench/anchors.ts: the network of [2003] as a plain C loop (float weights
 * stored column by column, double state), dt = 1 ms, 1000 ms, weights scaled by 800/Ne and 200/Ni.
 * Usage: net NE NI. Prints the time of the loop in ms and the mean rate in Hz. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t state = 88172645463325252ull;
static double uniform(void) {
  state ^= state << 13; state ^= state >> 7; state ^= state << 17;
  return (state >> 11) * (1.0 / 9007199254740992.0);
}
/* Marsaglia's polar method, both numbers of each pair used. */
static double normal(void) {
  static double spare;
  static int has_spare = 0;
  if (has_spare) { has_spare = 0; return spare; }
  double x, y, s;
  do { x = 2 * uniform() - 1; y = 2 * uniform() - 1; s = x * x + y * y; } while (s >= 1 || s == 0);
  double scale = sqrt(-2 * log(s) / s);
  spare = y * scale;
  has_spare = 1;
  return x * scale;
}

int main(int argc, char **argv) {
  int ne = argc > 1 ? atoi(argv[1]) : 800, ni = argc > 2 ? atoi(argv[2]) : 200, n = ne + ni;
  double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *c = malloc(n * sizeof *c);
  double *d = malloc(n * sizeof *d), *v = malloc(n * sizeof *v), *u = malloc(n * sizeof *u);
  double *input = malloc(n * sizeof *input);
  int *fired = malloc(n * sizeof *fired);
  float *weights = malloc((size_t)n * n * sizeof *weights);
  for (int i = 0; i < n; i++) {
    double r = uniform();
    if (i < ne) { a[i] = 0.02; b[i] = 0.2; c[i] = -65 + 15 * r * r; d[i] = 8 - 6 * r * r; }
    else { a[i] = 0.02 + 0.08 * r; b[i] = 0.25 - 0.05 * r; c[i] = -65; d[i] = 2; }
    v[i] = -65; u[i] = b[i] * v[i];
  }
  for (int j = 0; j < n; j++)
    for (int i = 0; i < n; i++)
      weights[(size_t)j * n + i] = j < ne ? 0.5 * uniform() * 800.0 / ne : -uniform() * 200.0 / ni;
  long count = 0;
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (int t = 1; t <= 1000; t++) {
    for (int i = 0; i < n; i++) input[i] = (i < ne ? 5 : 2) * normal();
    int nf = 0;
    for (int i = 0; i < n; i++)
      if (v[i] >= 30) { fired[nf++] = i; v[i] = c[i]; u[i] += d[i]; }
    count += nf;
    for (int f = 0; f < nf; f++) {
      const float *column = weights + (size_t)fired[f] * n;
      for (int i = 0; i < n; i++) input[i] += column[i];
    }
    for (int i = 0; i < n; i++) {
      v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + input[i]);
      v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + input[i]);
      u[i] += a[i] * (b[i] * v[i] - u[i]);
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double ms = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;
  printf("%.1f %.2f\n", ms, (double)count / n);
  return 0;
}
