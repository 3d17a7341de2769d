// The figures the bench table shows, where each is found in its benchmark's JSON, its budget and how
// its noise is stated. `npm run bench -- --check` fails when a figure of a benchmark it ran misses its budget.

export interface Figure {
  bench: string
  label: string
  /** Path into the benchmark's `results`. */
  path: string[]
  unit: string
  /** The budget: the value must be at most max / at least min. */
  max?: number
  min?: number
  /** Path to a sampled figure's noise_pct, or a fixed statement of how noisy the figure is. */
  noise: string[] | string
}

const sampledPage = (n: string, kind: 'newest' | 'older'): Figure => ({
  bench: 'server-scale',
  label: `${kind} message page (${kind === 'newest' ? 30 : 15} rows), chat of ${n} messages, admin API`,
  path: ['page_query_admin_api', `messages_${n.replaceAll(',', '')}`, `${kind}_page_ms`, 'median'],
  unit: 'ms',
  noise: ['page_query_admin_api', `messages_${n.replaceAll(',', '')}`, `${kind}_page_ms`, 'noise_pct'],
})

const stored = (n: string, key: string, label: string, unit: string): Figure => ({
  bench: 'server-scale',
  label: `${label}, ${n} stored messages`,
  path: ['at_scale', `messages_${n.replaceAll(',', '')}`, key],
  unit,
  noise: key === 'start_to_healthy_ms' ? 'single run' : 'single reading',
})

const fanout = (clients: string, max?: number): Figure => ({
  bench: 'instant-server',
  label: `refresh fan-out p95, ${clients} sessions on one query`,
  path: ['refresh_fanout_latency', `clients_${clients}`, 'p95_ms'],
  unit: 'ms',
  ...(max !== undefined && { max }),
  noise: 'p95 of 40 rounds × sessions',
})

/** Lighthouse scores (budgets 95 / 100 / 100) and the phone's load metrics, medians of the runs. */
const lighthouseFigures = (page: 'chat_1000' | 'start_page', where: string): Figure[] =>
  (['mobile', 'desktop'] as const).flatMap((form) => {
    const of = (key: string[], label: string, unit: string, min?: number): Figure => ({
      bench: 'lighthouse',
      label: `Lighthouse ${label}, ${where}, ${form === 'mobile' ? 'phone' : 'desktop'} (median)`,
      path: [page, form, ...key, 'median'],
      unit,
      ...(min !== undefined && { min }),
      noise: [page, form, ...key, 'noise_pct'],
    })
    const scores = [
      of(['performance'], 'performance', '', 95),
      of(['accessibility'], 'accessibility', '', 100),
      of(['best_practices'], 'best practices', '', 100),
    ]
    if (form === 'desktop') return scores
    return [
      ...scores,
      of(['metrics', 'fcp_ms'], 'first contentful paint', 'ms'),
      of(['metrics', 'lcp_ms'], 'largest contentful paint', 'ms'),
      of(['metrics', 'tbt_ms'], 'total blocking time', 'ms'),
      of(['metrics', 'cls'], 'cumulative layout shift', ''),
    ]
  })

const bundle = (label: string, path: string[], max?: number): Figure => ({
  bench: 'bundle',
  label,
  path,
  unit: 'KB',
  ...(max !== undefined && { max }),
  noise: 'exact (same build, same size)',
})

// The assistant bench's latencies: a p95 over its 20 prompts, or over their 40 tokens each.
const PROMPTS = 'p95 of 20 prompts'
const TOKENS = 'p95 of 20 replies × 40 tokens'
const assistantP95 = (label: string, key: string, noise: string): Figure => ({
  bench: 'assistant',
  label: `${label}, p95`,
  path: [key, 'p95'],
  unit: 'ms',
  noise,
})

const workers = (n: number, min?: number): Figure[] => [
  {
    bench: 'workers',
    label: `prompts answered per second, ${n} worker process${n > 1 ? 'es' : ''} (200 prompts, 1 s replies)`,
    path: [`workers_${n}`, 'prompts_per_second'],
    unit: '/s',
    ...(min !== undefined && { min }),
    noise: 'best of 2 rounds (spread_pct in results/workers.json)',
  },
  {
    bench: 'workers',
    label: `prompt → done p95, ${n} worker process${n > 1 ? 'es' : ''}, 200-prompt backlog`,
    path: [`workers_${n}`, 'prompt_to_done_p95_ms'],
    unit: 'ms',
    noise: 'p95 of 200 prompts, worse of 2 rounds',
  },
]

export const FIGURES: Figure[] = [
  ...['30', '1,000', '10,000', '100,000'].flatMap((n) => [sampledPage(n, 'newest'), sampledPage(n, 'older')]),
  {
    bench: 'server-scale',
    label: 'newest page: chat of 100,000 ÷ chat of 30 (medians, one run)',
    path: ['ratio_100k_to_30', 'newest_page'],
    unit: '×',
    max: 1.2,
    noise: ['page_query_admin_api', 'messages_100000', 'newest_page_ms', 'noise_pct'],
  },
  {
    bench: 'server-scale',
    label: 'older page: chat of 100,000 ÷ chat of 30 (medians, one run)',
    path: ['ratio_100k_to_30', 'older_page'],
    unit: '×',
    max: 1.2,
    noise: ['page_query_admin_api', 'messages_100000', 'older_page_ms', 'noise_pct'],
  },
  ...['30', '100,000'].flatMap((n) =>
    (['newest', 'older'] as const).map(
      (kind): Figure => ({
        bench: 'server-scale',
        label: `${kind} message page, chat of ${n} messages, query engine alone (in process)`,
        path: ['page_query_engine', `messages_${n.replaceAll(',', '')}`, `${kind}_page_ms`, 'median'],
        unit: 'ms',
        noise: ['page_query_engine', `messages_${n.replaceAll(',', '')}`, `${kind}_page_ms`, 'noise_pct'],
      }),
    ),
  ),
  ...(['newest', 'older'] as const).map(
    (kind): Figure => ({
      bench: 'server-scale',
      label: `${kind} page: chat of 100,000 ÷ chat of 30, query engine alone (medians, one run)`,
      path: ['engine_ratio_100k_to_30', `${kind}_page`],
      unit: '×',
      max: 1.2,
      noise: ['page_query_engine', 'messages_100000', `${kind}_page_ms`, 'noise_pct'],
    }),
  ),
  {
    bench: 'server-scale',
    label: 'conversation list (30 of 2,000 chats), as the teacher with rules',
    path: ['conversation_list_2000_chats_as_teacher_ms', 'median'],
    unit: 'ms',
    max: 100,
    noise: ['conversation_list_2000_chats_as_teacher_ms', 'noise_pct'],
  },
  ...['10,000', '100,000', '1,000,000'].flatMap((n) => [
    stored(n, 'start_to_healthy_ms', 'server start with data loaded', 'ms'),
    stored(n, 'resident_memory_mib', 'server resident memory', 'MiB'),
    stored(n, 'database_mib', 'database size', 'MiB'),
  ]),
  {
    bench: 'instant-server',
    label: 'durable transactions/s, one session',
    path: ['transactions_per_second', 'sequential_one_session'],
    unit: '/s',
    min: 500,
    noise: 'single run of 500',
  },
  {
    bench: 'instant-server',
    label: 'durable transactions/s, 8 sessions',
    path: ['transactions_per_second', 'concurrent_8_sessions'],
    unit: '/s',
    min: 500,
    noise: 'single run of 500',
  },
  fanout('1'),
  fanout('10'),
  fanout('50'),
  fanout('200', 50),
  bundle('initial JS, gzip', ['initial_js', 'gzip_kb'], 170),
  bundle('initial JS, brotli', ['initial_js', 'brotli_kb']),
  bundle('initial CSS, gzip', ['initial_css', 'gzip_kb'], 30),
  bundle('initial CSS, brotli', ['initial_css', 'brotli_kb']),
  bundle(
    'Markdown renderer with its on-demand chunks, gzip',
    ['markdown_with_on_demand_imports', 'gzip_kb'],
    160,
  ),
  bundle('largest lazy chunk, gzip', ['largest_lazy_chunks', '0', 'gzip_kb']),
  assistantP95(
    'prompt sent → first words shown (reply stream or durable text, as the chat)',
    'first_text_visible_ms',
    PROMPTS,
  ),
  assistantP95(
    'model token → shown to the teacher (reply stream or durable text, as the chat)',
    'token_to_teacher_latency_ms',
    TOKENS,
  ),
  assistantP95(
    'prompt sent → first words in the durable message text (written once a second)',
    'durable_first_text_ms',
    PROMPTS,
  ),
  assistantP95('model token → durable message text', 'durable_token_to_teacher_latency_ms', TOKENS),
  ...lighthouseFigures('chat_1000', 'chat screen of a 1,000-message chat'),
  ...lighthouseFigures('start_page', 'start page, first visit'),
  {
    bench: 'privacy-hint',
    label: 'personal-data check, 8,000 characters full of names, median (no typing lag: one frame)',
    path: ['with_names_8000', 'median_ms'],
    unit: 'ms',
    max: 16,
    noise: 'median of 200 runs',
  },
  ...(
    [
      ['ZIP export of 10,000 messages, click → download', ['export_ms'], 'ms', 120_000],
      ['ZIP export of 10,000 messages, longest long task', ['long_tasks', 'longest_ms'], 'ms', 1_000],
      ['ZIP export of 10,000 messages, worst lateness of a 50 ms timer', ['max_timer_lag_ms'], 'ms', 1_000],
      ['ZIP export of 10,000 messages, peak JS heap', ['peak_heap_mib'], 'MiB', 256],
    ] as const
  ).map(
    ([label, path, unit, max]): Figure => ({
      bench: 'account-export',
      label,
      path: [...path],
      unit,
      max,
      noise: 'single run (see load_avg_1min_at_start)',
    }),
  ),
  ...workers(1),
  ...workers(2),
  ...workers(4),
]

const openChat = (n: string): Figure[] => {
  const key = `messages_${n.replaceAll(',', '')}`
  return [
    {
      bench: 'open-chat',
      label: `warm open, chat of ${n} messages: navigation → newest message visible, median`,
      path: ['warm', key, 'open_ms', 'p50'],
      unit: 'ms',
      noise: ['warm', key, 'open_ms', 'noise_pct'],
    },
    {
      bench: 'open-chat',
      label: `warm open, chat of ${n} messages, p95`,
      path: ['warm', key, 'open_ms', 'p95'],
      unit: 'ms',
      noise: ['warm', key, 'open_ms', 'noise_pct'],
    },
    {
      bench: 'open-chat',
      label: `DOM elements after opening a chat of ${n} messages`,
      path: ['warm', key, 'dom_elements'],
      unit: 'elements',
      noise: 'median of the warm opens',
    },
    {
      bench: 'open-chat',
      label: `JS heap after opening a chat of ${n} messages (after GC)`,
      path: ['warm', key, 'js_heap_mib'],
      unit: 'MiB',
      noise: 'median of the warm opens',
    },
    {
      bench: 'open-chat',
      label: `cold open (no service worker, no cached assets), chat of ${n} messages`,
      path: ['cold', key, 'open_ms'],
      unit: 'ms',
      noise: 'single run',
    },
  ]
}

FIGURES.push(
  ...['30', '1,000', '10,000', '100,000'].flatMap(openChat),
  {
    bench: 'open-chat',
    label: 'warm open: chat of 10,000 ÷ chat of 30 (medians, interleaved)',
    path: ['ratio_10k_vs_30'],
    unit: '×',
    max: 1.1,
    noise: ['warm', 'messages_10000', 'open_ms', 'noise_pct'],
  },
  {
    bench: 'open-chat',
    label: 'warm open: chat of 100,000 ÷ chat of 30 (medians, interleaved)',
    path: ['ratio_100k_vs_30'],
    unit: '×',
    max: 1.2,
    noise: ['warm', 'messages_100000', 'open_ms', 'noise_pct'],
  },
)

FIGURES.push(
  {
    bench: 'scroll-back',
    label: 'older page while scrolling back (10,000 messages): top reached → older messages rendered, p50',
    path: ['older_page_ms', 'p50'],
    unit: 'ms',
    noise: ['older_page_ms', 'noise_pct'],
  },
  {
    bench: 'scroll-back',
    label: 'older page while scrolling back, p95',
    path: ['older_page_ms', 'p95'],
    unit: 'ms',
    max: 150,
    noise: ['older_page_ms', 'noise_pct'],
  },
  {
    bench: 'scroll-back',
    label: 'largest move of the message being read while an older page lands',
    path: ['scroll_jump_px', 'max'],
    unit: 'px',
    max: 0.5,
    noise: 'worst of 30 pages',
  },
  {
    bench: 'realtime',
    label: 'prompt sent on one device → visible on the other, p50',
    path: ['other_device_visible_ms', 'p50'],
    unit: 'ms',
    noise: ['other_device_visible_ms', 'noise_pct'],
  },
  {
    bench: 'realtime',
    label: 'prompt sent on one device → visible on the other, p95',
    path: ['other_device_visible_ms', 'p95'],
    unit: 'ms',
    max: 50,
    noise: ['other_device_visible_ms', 'noise_pct'],
  },
  {
    bench: 'offline-start',
    label: 'offline cold start (server stopped): reload → chat list visible, p50',
    path: ['chat_list_visible_ms', 'p50'],
    unit: 'ms',
    noise: ['chat_list_visible_ms', 'noise_pct'],
  },
  {
    bench: 'offline-start',
    label: 'offline cold start (server stopped): reload → chat list visible, p95',
    path: ['chat_list_visible_ms', 'p95'],
    unit: 'ms',
    max: 1000,
    noise: ['chat_list_visible_ms', 'noise_pct'],
  },
)

const streaming = (
  label: string,
  path: string[],
  unit: string,
  noise: Figure['noise'],
  max?: number,
): Figure => ({
  bench: 'streaming',
  label,
  path,
  unit,
  ...(max !== undefined && { max }),
  noise,
})

FIGURES.push(
  streaming('model token → visible in the browser (each token), p50', ['token_to_screen_ms', 'p50'], 'ms', [
    'token_to_screen_ms',
    'noise_pct',
  ]),
  streaming(
    'model token → visible in the browser (each token), p95',
    ['token_to_screen_ms', 'p95'],
    'ms',
    ['token_to_screen_ms', 'noise_pct'],
    100,
  ),
  streaming(
    'age of the newest token on screen at each update, p95',
    ['newest_token_age_on_screen_ms', 'p95'],
    'ms',
    ['newest_token_age_on_screen_ms', 'noise_pct'],
  ),
  ...(
    [
      ['wait_for_worker_write', 'waiting for the worker’s write'],
      ['write_until_server_answered', 'the write until the server answered'],
      ['server_answered_until_in_view', 'server answered → in view'],
    ] as const
  ).map(([key, leg]) =>
    streaming(`token → screen, leg: ${leg}, p95`, ['token_to_screen_legs_ms', key, 'p95'], 'ms', [
      'token_to_screen_legs_ms',
      key,
      'noise_pct',
    ]),
  ),
  streaming(
    'tokens in view before the worker sent the durable write carrying them (the stream’s)',
    ['tokens_before_their_write_pct'],
    '%',
    'share of all tokens',
  ),
  streaming('prompt sent → first words visible, p50', ['first_words_ms', 'p50'], 'ms', [
    'first_words_ms',
    'noise_pct',
  ]),
  streaming(
    'durable message writes per reply (≥ 3 s streamed), median',
    ['writes_per_reply', 'p50'],
    '',
    'median of the replies',
  ),
  streaming(
    'durable message writes per second of reply, worst reply',
    ['writes_per_second_of_reply', 'max'],
    '/s',
    'worst of the replies',
    4,
  ),
)

// Instant Streams on the local server alone (no browser): the server's share of token → screen.
for (const readers of ['1', '10']) {
  FIGURES.push(
    {
      bench: 'instant-streams',
      label: `stream token append → reader, ${readers} reader(s) per reply, p95`,
      path: [`readers_${readers}`, 'append_to_reader_ms', 'p95'],
      unit: 'ms',
      noise: 'p95 of 6 replies × 120 tokens × readers',
    },
    {
      bench: 'instant-streams',
      label: `stream persists per second of reply (SQLite), ${readers} reader(s), median`,
      path: [`readers_${readers}`, 'persists_per_second_of_reply', 'median'],
      unit: '/s',
      noise: 'median of 6 replies',
    },
  )
}

/** The value at path in results, or undefined when the benchmark has not recorded it. */
export function valueAt(results: unknown, path: readonly string[]): unknown {
  let at = results
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<string, unknown>)[key]
  }
  return at
}

/** Whether value keeps figure's budget (true when it has none). */
export function keepsBudget(figure: Figure, value: number): boolean {
  if (figure.max !== undefined && !(value <= figure.max)) return false
  if (figure.min !== undefined && !(value >= figure.min)) return false
  return true
}
