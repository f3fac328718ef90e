/* Round trip of one cheap file system request: getxattr(2) of an xattr that is not
 * there, N times on one file. On a FUSE mount each call is a request to the server
 * (which answers in under a microsecond), so this is the transport's cost.
 * usage: rtt FILE N   (prints microseconds per call) */
#include <stdio.h>
#include <stdlib.h>
#include <sys/xattr.h>
#include <time.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: rtt FILE N\n");
        return 2;
    }
    int n = atoi(argv[2]);
    char value[64];
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < n; i++)
        getxattr(argv[1], "user.husk-bench-absent", value, sizeof value);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("%.1f\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / 1e3 / n);
    return 0;
}
