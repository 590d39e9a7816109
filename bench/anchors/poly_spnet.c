/* A plain C version of the simulation loop of poly_spnet.cpp ([2006]): the anchor izhikit's
 * polychronization engine is measured against. Same data layout as the published program
 * (post[N][M], delay lists, LTP[N][1001+D], a firing list walked backwards), its initialisation
 * (no self or repeated targets, v = -65 + 10 U), its order of operations, its weight update.
 * Usage: poly_spnet SECONDS [SEED] [REPORT_FROM]
 * Prints per-second lines "sec exc_rate inh_rate strong_percent" for sec >= REPORT_FROM, then a last
 * line "loop_ms exc_rate inh_rate strong_percent" (rates of the last second). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define M 100
#define D 20
#define NE 800
#define NI 200
#define N (NE + NI)
#define C_MAX 10.0
#define FIRINGS_MAX 100000

static double a[N], d[N], s[N][M], sd[N][M], LTP[N][1001 + D], LTD[N], v[N], u[N], I[N];
static int post[N][M], delays_length[N][D], N_pre[N], I_pre[N][3 * M], D_pre[N][3 * M];
static short delays[N][D][M];
static double *s_pre[N][3 * M], *sd_pre[N][3 * M];
static int firings[FIRINGS_MAX][2], N_firings;

static double rand01(void) { return 0.9999999 * (double)rand() / RAND_MAX; }

static void initialize(void) {
  for (int i = 0; i < N; i++) { a[i] = i < NE ? 0.02 : 0.1; d[i] = i < NE ? 8 : 2; }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) {
      int r, exists;
      do {
        exists = 0;
        r = i < NE ? (int)(N * rand01()) : (int)(NE * rand01());
        if (r == i) exists = 1;
        for (int k = 0; k < j; k++) if (post[i][k] == r) exists = 1;
      } while (exists);
      post[i][j] = r;
      s[i][j] = i < NE ? 6 : -5;
      sd[i][j] = 0;
    }
  for (int i = 0; i < N; i++) {
    short ind = 0;
    for (int j = 0; j < D; j++) delays_length[i][j] = 0;
    if (i < NE) {
      for (int j = 0; j < D; j++) { delays_length[i][j] = M / D; for (int k = 0; k < M / D; k++) delays[i][j][k] = ind++; }
    } else {
      delays_length[i][0] = M;
      for (int k = 0; k < M; k++) delays[i][0][k] = ind++;
    }
  }
  for (int i = 0; i < N; i++) {
    N_pre[i] = 0;
    for (int j = 0; j < NE; j++)
      for (int k = 0; k < M; k++)
        if (post[j][k] == i) {
          I_pre[i][N_pre[i]] = j;
          for (int dd = 0; dd < D; dd++)
            for (int jj = 0; jj < delays_length[j][dd]; jj++)
              if (post[j][delays[j][dd][jj]] == i) D_pre[i][N_pre[i]] = dd;
          s_pre[i][N_pre[i]] = &s[j][k];
          sd_pre[i][N_pre[i]++] = &sd[j][k];
        }
  }
  for (int i = 0; i < N; i++) { for (int j = 0; j < 1001 + D; j++) LTP[i][j] = 0; LTD[i] = 0; }
  for (int i = 0; i < N; i++) { v[i] = -65 + 10 * rand01(); u[i] = 0.2 * v[i]; }
  N_firings = 1; firings[0][0] = -D; firings[0][1] = 0;
}

int main(int argc, char **argv) {
  int seconds = argc > 1 ? atoi(argv[1]) : 10;
  srand(argc > 2 ? atoi(argv[2]) : 0);
  int report_from = argc > 3 ? atoi(argv[3]) : seconds + 1;
  initialize();
  double frate = 0, ifrate = 0, str = 0, loop_ms = 0;
  for (int sec = 0; sec < seconds; sec++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int t = 0; t < 1000; t++) {
      for (int i = 0; i < N; i++) I[i] = 0;
      I[(int)(N * rand01())] = 20;
      for (int i = 0; i < N; i++)
        if (v[i] >= 30) {
          v[i] = -65; u[i] += d[i]; LTP[i][t + D] = 0.1; LTD[i] = 0.12;
          for (int j = 0; j < N_pre[i]; j++) *sd_pre[i][j] += LTP[I_pre[i][j]][t + D - D_pre[i][j] - 1];
          firings[N_firings][0] = t; firings[N_firings++][1] = i;
          if (N_firings == FIRINGS_MAX) N_firings = 1;
        }
      int k = N_firings - 1;
      while (t - firings[k][0] < D) {
        int f = firings[k][1], dl = t - firings[k][0];
        for (int j = 0; j < delays_length[f][dl]; j++) {
          int i = post[f][delays[f][dl][j]];
          I[i] += s[f][delays[f][dl][j]];
          if (f < NE) sd[f][delays[f][dl][j]] -= LTD[i];
        }
        k--;
      }
      for (int i = 0; i < N; i++) {
        v[i] += 0.5 * ((0.04 * v[i] + 5) * v[i] + 140 - u[i] + I[i]);
        v[i] += 0.5 * ((0.04 * v[i] + 5) * v[i] + 140 - u[i] + I[i]);
        u[i] += a[i] * (0.2 * v[i] - u[i]);
        LTP[i][t + D + 1] = 0.95 * LTP[i][t + D];
        LTD[i] *= 0.95;
      }
    }
    frate = 0; ifrate = 0; str = 0;
    for (int i = 1; i < N_firings; i++)
      if (firings[i][0] >= 0) { if (firings[i][1] < NE) frate++; else ifrate++; }
    frate /= NE; ifrate /= NI;
    for (int i = 0; i < NE; i++)
      for (int j = 0; j < M; j++)
        if (s[i][j] > 0.9 * C_MAX && post[i][j] < NE) str++;
    str = 100 * str / NE / M;
    for (int i = 0; i < N; i++) for (int j = 0; j < D + 1; j++) LTP[i][j] = LTP[i][1000 + j];
    int k = N_firings - 1;
    while (1000 - firings[k][0] < D) k--;
    for (int i = 1; i < N_firings - k; i++) { firings[i][0] = firings[k + i][0] - 1000; firings[i][1] = firings[k + i][1]; }
    N_firings = N_firings - k;
    for (int i = 0; i < NE; i++)
      for (int j = 0; j < M; j++) {
        sd[i][j] *= 0.9; s[i][j] += 0.01 + sd[i][j];
        if (s[i][j] > C_MAX) s[i][j] = C_MAX;
        if (s[i][j] < 0) s[i][j] = 0;
      }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    loop_ms += (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    if (sec + 1 >= report_from) printf("%d %.4f %.4f %.4f\n", sec + 1, frate, ifrate, str);
  }
  printf("%.3f %.4f %.4f %.4f\n", loop_ms, frate, ifrate, str);
  return 0;
}
