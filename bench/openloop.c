/*
 * openloop: an open-loop, fixed-rate HTTP/1.1 load generator for bench/run's latency figures (p99 at half the peak,
 * latency against load). Debian has no such tool (no wrk2, no vegeta; wrk and hey are closed-loop), and the Java
 * client used before measured its own schedule slips and collector pauses (11-47 ms late, 56-118 ms pauses per 15 s).
 *
 *   openloop HOST PORT RATE SECONDS CONNECTIONS REQUESTS_FILE [TIMELINE_FILE]
 *
 * Request i is due at start + i / RATE, whatever happened to the earlier ones; its latency is counted from when it
 * was due to when its whole response was read (so a request that waits for a free connection is counted as waiting:
 * no coordinated omission). REQUESTS_FILE holds raw HTTP/1.1 requests (keep-alive), each as "<length>\n<bytes>", sent
 * in turn. Kept-alive connections, opened at start; a request due when none is free waits in a queue. One thread,
 * epoll, and a timerfd for the schedule (no busy waiting: the service under test shares the cores).
 *
 * Prints, one per line: sent, completed, errors (a status other than 2xx, or a connection lost), unfinished (still
 * waiting 10 s after the last was due), p50_us, p90_us, p99_us, p999_us, max_us (of the completed, from when they
 * were due), wait_p99_us and wait_max_us (how long after it was due a request was written: the client's own slip
 * plus any wait for a free connection, that is for the service), slip_p99_us and slip_max_us (the client's own
 * lateness: how long after it was due a request was taken from the schedule). With TIMELINE_FILE, also writes a line
 * per answer, in the order answered: the request's number, when it was due (µs from the start), its latency (µs) and
 * its status, to see when the slow ones came; its first line gives the start as "# start_epoch_us" (the wall clock, µs).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int fd;
    int busy;
    long request;     /* the request it carries, -1 when idle */
    size_t written;   /* bytes of the request written */
    const char *out;  /* the request's bytes */
    size_t outlen;
    char *in;         /* the response read so far */
    size_t inlen, incap;
} conn;

static struct sockaddr_in server;
static int64_t start_ns, interval_ns;

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int64_t due(long i) { return start_ns + (int64_t) i * interval_ns; }

static void die(const char *what) {
    perror(what);
    exit(2);
}

static int open_connection(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) die("socket");
    if (connect(fd, (struct sockaddr *) &server, sizeof server) < 0) die("connect");
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) die("fcntl");
    return fd;
}

/* Returns the response's total length once it is complete, 0 while incomplete, -1 when it cannot be read. */
static long complete_length(const char *buf, size_t len, int *status) {
    const char *end = memmem(buf, len, "\r\n\r\n", 4);
    if (end == NULL) return 0;
    size_t head = (size_t) (end - buf) + 4;
    if (len < 12 || strncmp(buf, "HTTP/1.", 7) != 0) return -1;
    *status = atoi(buf + 9);
    long content_length = -1;
    int chunked = 0;
    /* the header lines, after the status line */
    for (const char *line = (const char *) memmem(buf, head, "\r\n", 2) + 2; line < end;) {
        const char *eol = memmem(line, (size_t) (end + 2 - line), "\r\n", 2);
        size_t n = (size_t) (eol - line);
        if (n > 15 && strncasecmp(line, "content-length:", 15) == 0) content_length = atol(line + 15);
        if (n > 18 && strncasecmp(line, "transfer-encoding:", 18) == 0) {
            for (const char *p = line + 18; p + 7 <= eol; p++) {
                if (strncasecmp(p, "chunked", 7) == 0) chunked = 1;
            }
        }
        line = eol + 2;
    }
    if (!chunked) {
        if (content_length < 0) return -1; /* a keep-alive answer must say its length */
        return len >= head + (size_t) content_length ? (long) (head + (size_t) content_length) : 0;
    }
    size_t at = head;
    for (;;) {
        const char *eol = memmem(buf + at, len - at, "\r\n", 2);
        if (eol == NULL) return 0;
        long size = strtol(buf + at, NULL, 16);
        at = (size_t) (eol - buf) + 2;
        if (size == 0) return len >= at + 2 ? (long) (at + 2) : 0; /* no trailers */
        at += (size_t) size + 2;
        if (at > len) return 0;
    }
}

static int compare(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
    return x < y ? -1 : x > y;
}

static int64_t percentile(const int64_t *sorted, long n, double p) {
    if (n == 0) return -1;
    long i = (long) (n * p);
    return sorted[i < n ? i : n - 1];
}

int main(int argc, char **argv) {
    if (argc != 7 && argc != 8) {
        fprintf(stderr, "usage: openloop HOST PORT RATE SECONDS CONNECTIONS REQUESTS_FILE [TIMELINE_FILE]\n");
        return 2;
    }
    double rate = atof(argv[3]), seconds = atof(argv[4]);
    int connections = atoi(argv[5]);
    if (rate <= 0 || seconds <= 0 || connections <= 0) {
        fprintf(stderr, "openloop: RATE, SECONDS and CONNECTIONS must be positive\n");
        return 2;
    }
    memset(&server, 0, sizeof server);
    server.sin_family = AF_INET;
    server.sin_port = htons((uint16_t) atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &server.sin_addr) != 1) {
        fprintf(stderr, "openloop: HOST must be an IPv4 address\n");
        return 2;
    }

    /* the requests */
    FILE *file = fopen(argv[6], "rb");
    if (file == NULL) die(argv[6]);
    size_t count = 0, cap = 16;
    char **requests = malloc(cap * sizeof *requests);
    size_t *lengths = malloc(cap * sizeof *lengths);
    size_t length;
    while (fscanf(file, "%zu", &length) == 1) {
        if (fgetc(file) != '\n') break;
        if (count == cap) {
            cap *= 2;
            requests = realloc(requests, cap * sizeof *requests);
            lengths = realloc(lengths, cap * sizeof *lengths);
        }
        requests[count] = malloc(length);
        if (fread(requests[count], 1, length, file) != length) die("short request");
        lengths[count++] = length;
    }
    fclose(file);
    if (count == 0) {
        fprintf(stderr, "openloop: no request in %s\n", argv[6]);
        return 2;
    }

    FILE *timeline = argc == 8 ? fopen(argv[7], "w") : NULL;
    if (argc == 8 && timeline == NULL) die(argv[7]);
    long total = (long) (rate * seconds);
    if (total < 1) total = 1;
    interval_ns = (int64_t) (1e9 / rate);
    int64_t *latency = malloc((size_t) total * sizeof *latency);
    int64_t *late = malloc((size_t) total * sizeof *late);
    int64_t *slip = malloc((size_t) total * sizeof *slip);
    long *queue = malloc((size_t) total * sizeof *queue); /* requests due, waiting for a connection */
    long queue_head = 0, queue_tail = 0;

    int epoll = epoll_create1(0);
    if (epoll < 0) die("epoll_create1");
    conn *pool = calloc((size_t) connections, sizeof *pool);
    int *idle = malloc((size_t) connections * sizeof *idle);
    int idle_count = 0;
    for (int c = 0; c < connections; c++) {
        pool[c].fd = open_connection();
        pool[c].request = -1;
        pool[c].incap = 65536;
        pool[c].in = malloc(pool[c].incap);
        struct epoll_event event = {.events = EPOLLIN, .data.u32 = (uint32_t) c};
        if (epoll_ctl(epoll, EPOLL_CTL_ADD, pool[c].fd, &event) < 0) die("epoll_ctl");
        idle[idle_count++] = c;
    }
    int timer = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
    if (timer < 0) die("timerfd_create");
    struct epoll_event timer_event = {.events = EPOLLIN, .data.u32 = UINT32_MAX};
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, timer, &timer_event) < 0) die("epoll_ctl");

    long next = 0, sent = 0, completed = 0, errors = 0, answered = 0;
    start_ns = now_ns() + 1000000; /* the first is due in 1 ms */
    if (timeline != NULL) {
        struct timespec wall;
        clock_gettime(CLOCK_REALTIME, &wall);
        fprintf(timeline, "# start_epoch_us %lld\n", (long long) wall.tv_sec * 1000000LL + wall.tv_nsec / 1000 + 1000);
    }
    int64_t give_up = due(total - 1) + 10000000000LL;
    struct epoll_event events[256];

    while (answered < total && now_ns() < give_up) {
        int64_t now = now_ns();
        while (next < total && due(next) <= now) {
            slip[next] = now - due(next); /* the client's own lateness: the timer's wake-up, this loop */
            queue[queue_tail++] = next++;
        }
        while (queue_head < queue_tail && idle_count > 0) {
            int c = idle[--idle_count];
            long request = queue[queue_head++];
            conn *k = &pool[c];
            k->busy = 1;
            k->request = request;
            k->out = requests[request % (long) count];
            k->outlen = lengths[request % (long) count];
            k->written = 0;
            k->inlen = 0;
            late[sent++] = now_ns() - due(request);
            ssize_t n = write(k->fd, k->out, k->outlen);
            if (n > 0) k->written = (size_t) n;
            if (k->written < k->outlen) {
                struct epoll_event event = {.events = EPOLLIN | EPOLLOUT, .data.u32 = (uint32_t) c};
                epoll_ctl(epoll, EPOLL_CTL_MOD, k->fd, &event);
            }
        }
        if (next < total) {
            struct itimerspec when = {0};
            int64_t at = due(next);
            when.it_value.tv_sec = at / 1000000000LL;
            when.it_value.tv_nsec = at % 1000000000LL;
            timerfd_settime(timer, TFD_TIMER_ABSTIME, &when, NULL);
        }
        int ready = epoll_wait(epoll, events, 256, next < total ? -1 : 100);
        if (ready < 0 && errno != EINTR) die("epoll_wait");
        for (int e = 0; e < ready; e++) {
            uint32_t c = events[e].data.u32;
            if (c == UINT32_MAX) {
                uint64_t expirations;
                if (read(timer, &expirations, sizeof expirations) < 0 && errno != EAGAIN) die("timer");
                continue;
            }
            conn *k = &pool[c];
            int lost = 0;
            if ((events[e].events & EPOLLOUT) && k->busy && k->written < k->outlen) {
                ssize_t n = write(k->fd, k->out + k->written, k->outlen - k->written);
                if (n > 0) k->written += (size_t) n;
                else if (n < 0 && errno != EAGAIN) lost = 1;
                if (k->written == k->outlen) {
                    struct epoll_event event = {.events = EPOLLIN, .data.u32 = c};
                    epoll_ctl(epoll, EPOLL_CTL_MOD, k->fd, &event);
                }
            }
            if (!lost && (events[e].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) {
                for (;;) {
                    if (k->inlen == k->incap) {
                        k->incap *= 2;
                        k->in = realloc(k->in, k->incap);
                    }
                    ssize_t n = read(k->fd, k->in + k->inlen, k->incap - k->inlen);
                    if (n > 0) {
                        k->inlen += (size_t) n;
                        continue;
                    }
                    if (n == 0 || errno != EAGAIN) lost = 1;
                    break;
                }
            }
            int status = 0;
            long whole = k->busy && !lost ? complete_length(k->in, k->inlen, &status) : 0;
            if (whole < 0) lost = 1;
            if (k->busy && whole > 0) {
                latency[completed++] = now_ns() - due(k->request);
                if (timeline != NULL) {
                    fprintf(timeline, "%ld %lld %lld %d\n", k->request, (long long) ((due(k->request) - start_ns) / 1000),
                            (long long) (latency[completed - 1] / 1000), status);
                }
                answered++;
                if (status < 200 || status > 299) errors++;
                k->busy = 0;
                k->request = -1;
                idle[idle_count++] = (int) c;
            } else if (lost) {
                if (k->busy) {
                    errors++;
                    answered++;
                }
                epoll_ctl(epoll, EPOLL_CTL_DEL, k->fd, NULL);
                close(k->fd);
                k->fd = open_connection();
                struct epoll_event event = {.events = EPOLLIN, .data.u32 = c};
                if (epoll_ctl(epoll, EPOLL_CTL_ADD, k->fd, &event) < 0) die("epoll_ctl");
                k->busy = 0;
                k->request = -1;
                idle[idle_count++] = (int) c;
            }
        }
    }

    if (timeline != NULL) fclose(timeline);
    qsort(latency, (size_t) completed, sizeof *latency, compare);
    qsort(late, (size_t) sent, sizeof *late, compare);
    qsort(slip, (size_t) next, sizeof *slip, compare);
    printf("sent %ld\ncompleted %ld\nerrors %ld\nunfinished %ld\n", sent, completed, errors, total - answered);
    printf("p50_us %lld\np90_us %lld\np99_us %lld\np999_us %lld\nmax_us %lld\n",
            (long long) (percentile(latency, completed, 0.50) / 1000), (long long) (percentile(latency, completed, 0.90) / 1000),
            (long long) (percentile(latency, completed, 0.99) / 1000), (long long) (percentile(latency, completed, 0.999) / 1000),
            (long long) (completed ? latency[completed - 1] / 1000 : -1));
    printf("wait_p99_us %lld\nwait_max_us %lld\n", (long long) (percentile(late, sent, 0.99) / 1000),
            (long long) (sent ? late[sent - 1] / 1000 : -1));
    printf("slip_p99_us %lld\nslip_max_us %lld\n", (long long) (percentile(slip, next, 0.99) / 1000),
            (long long) (next ? slip[next - 1] / 1000 : -1));
    return 0;
}
