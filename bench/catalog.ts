// Catalog figures on a generated 100,000-product catalog: barcode lookup (the scan path) and
// the counter's search by Chinese substring, pinyin, initials, English words and item number.
// Keys: barcode_p99_us, search_p99_ms (`npm run bench -- --json`).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger } from '../main/ledger/database';
import { importCatalogCsv } from '../main/catalog/catalog-csv';
import { lookupProduct } from '../main/catalog/catalog';
import { searchProducts } from '../main/catalog/catalog-search';
import { fmt, percentile } from './stats';
import { size } from './scale';

export const CATALOG_SIZE = size(100_000, 2_000);

// Words shops really print on shelves: brands, goods, flavours and packs, mixed at random.
const BRANDS = [
  '可口',
  '百事',
  '农夫',
  '康师傅',
  '统一',
  '娃哈哈',
  '蒙牛',
  '伊利',
  '光明',
  '旺旺',
  '达利园',
  '好丽友',
  '乐事',
  '奥利奥',
  '雀巢',
  '立白',
  '蓝月亮',
  '舒肤佳',
  '清风',
  '维达',
  '南孚',
  '晨光',
  '得力',
  '金龙鱼',
  '鲁花',
  '海天',
  '老干妈',
  '李锦记',
  '三只松鼠',
  '良品铺子',
];
const GOODS = [
  '可乐',
  '矿泉水',
  '绿茶',
  '红茶',
  '牛奶',
  '酸奶',
  '饼干',
  '薯片',
  '面包',
  '方便面',
  '火腿肠',
  '洗衣液',
  '香皂',
  '抽纸',
  '电池',
  '中性笔',
  '大米',
  '食用油',
  '酱油',
  '辣酱',
  '瓜子',
  '坚果',
  '巧克力',
  '口香糖',
  '果汁',
  '咖啡',
  '啤酒',
  '白酒',
  '牙膏',
  '洗发水',
];
const FLAVOURS = ['原味', '草莓味', '香辣', '无糖', '低脂', '经典', '清爽', '浓香', '家庭装', '特惠装', '', ''];
const PACKS = ['330ml', '500ml', '550ml', '1.5L', '250g', '500g', '1kg', '5kg', '6连包', '12支', '24罐', '10片'];
const EN_GOODS = [
  'Cola',
  'Water',
  'Green tea',
  'Black tea',
  'Milk',
  'Yogurt',
  'Biscuits',
  'Crisps',
  'Bread',
  'Noodles',
  'Sausage',
  'Detergent',
  'Soap',
  'Tissues',
  'Batteries',
  'Gel pen',
  'Rice',
  'Cooking oil',
  'Soy sauce',
  'Chili sauce',
  'Seeds',
  'Nuts',
  'Chocolate',
  'Gum',
  'Juice',
  'Coffee',
  'Beer',
  'Baijiu',
  'Toothpaste',
  'Shampoo',
];

/** A deterministic generator, so that two runs measure the same catalog. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ean13(body12: string): string {
  const sum = [...body12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body12 + String((10 - (sum % 10)) % 10);
}

export interface GeneratedProduct {
  sku: string;
  barcode: string;
  nameZh: string;
  nameEn: string;
}

export function generateCatalog(size: number, seed = 14): GeneratedProduct[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const out: GeneratedProduct[] = [];
  for (let i = 0; i < size; i++) {
    const g = Math.floor(r() * GOODS.length);
    const brand = pick(BRANDS);
    const flavour = pick(FLAVOURS);
    const pack = pick(PACKS);
    out.push({
      sku: `P${String(i).padStart(6, '0')}`,
      barcode: ean13(`69${String(10_000_000_000 + i * 7).slice(1)}`.slice(0, 12)),
      nameZh: `${brand}${GOODS[g]}${flavour ? ` ${flavour}` : ''} ${pack} #${i}`,
      nameEn: `${EN_GOODS[g]} ${pack} no.${i}`,
    });
  }
  return out;
}

/** Loads the catalog through the real import (pinyin and indexes written as an owner's file would). */
export function loadCatalog(db: ReturnType<typeof openLedger>, products: readonly GeneratedProduct[]): number {
  const t0 = performance.now();
  const chunk = 10_000;
  for (let i = 0; i < products.length; i += chunk) {
    const rows = products.slice(i, i + chunk).map((p) => `${p.sku},${p.barcode},${p.nameZh},${p.nameEn},3.50,13%`);
    const report = importCatalogCsv(db, `sku,barcode,name_zh,name_en,price,tax_rate\n${rows.join('\n')}\n`, null, Date.now());
    if (report.errors.length > 0) throw new Error(`generated catalog refused: ${JSON.stringify(report.errors.slice(0, 3))}`);
  }
  return performance.now() - t0;
}

/** What cashiers type: parts of Chinese names (1-4 characters), initials, pinyin, English words, item numbers. */
function searchQueries(products: readonly GeneratedProduct[], count: number): string[] {
  const r = rng(99);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = pick(products);
    const name = [...p.nameZh.replace(/ .*$/, '')];
    const start = Math.floor(r() * Math.max(1, name.length - 1));
    switch (i % 7) {
      case 0:
        queries.push(name.slice(start, start + 1 + Math.floor(r() * 4)).join(''));
        break;
      case 1:
        queries.push(pick(['kkkl', 'kele', 'kekou', 'nfsq', 'kangshifu', 'ksf', 'whh', 'niunai', 'mengniu', 'lsspian', 'xiyiye', 'chouzhi', 'qkl', 'pj']));
        break;
      case 2:
        queries.push(pick(['cola', 'tea', 'milk', 'crisps', 'cooking', 'gel', 'sauce', 'tooth']));
        break;
      case 3:
        queries.push(p.sku.slice(0, 3 + Math.floor(r() * 4)));
        break;
      case 4:
        queries.push(p.barcode.slice(0, 6 + Math.floor(r() * 7)));
        break;
      case 5:
        queries.push(pick(GOODS));
        break;
      default:
        queries.push(`${pick(PACKS)}`);
    }
  }
  return queries;
}

export interface CatalogFigures {
  catalog_products: number;
  catalog_load_s: number;
  barcode_p50_us: number;
  barcode_p99_us: number;
  search_p50_ms: number;
  search_p99_ms: number;
  search_max_ms: number;
  barcode_p99_cpu_us: number;
  search_p99_cpu_ms: number;
  load_average_1m: number;
}

export async function benchCatalog(options: { size?: number; quiet?: boolean } = {}): Promise<CatalogFigures> {
  const size = options.size ?? CATALOG_SIZE;
  const dir = mkdtempSync(join(tmpdir(), 'ringup-bench-catalog-'));
  const db = openLedger(join(dir, 'catalog.sqlite'));
  try {
    const products = generateCatalog(size);
    const loadMs = loadCatalog(db, products);
    const now = Date.now();
    const r = rng(7);

    // Wall time is what a cashier feels; CPU time (getrusage, this thread's process) is the work
    // itself, which a busy machine's scheduler cannot inflate. Both are reported.
    const cpuMs = (start: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(start);
      return (d.user + d.system) / 1000;
    };
    const lookups: number[] = [];
    const lookupsCpu: number[] = [];
    for (let i = 0; i < 2000; i++) lookupProduct(db, products[Math.floor(r() * size)]?.barcode ?? '', now); // warm-up
    for (let i = 0; i < 20_000; i++) {
      const code = products[Math.floor(r() * size)]?.barcode ?? '';
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      lookupProduct(db, code, now);
      lookups.push((performance.now() - t0) * 1000);
      lookupsCpu.push(cpuMs(c0) * 1000);
    }

    const queries = searchQueries(products, 5000);
    for (const q of queries.slice(0, 500)) searchProducts(db, q, now);
    const searches: number[] = [];
    const searchesCpu: number[] = [];
    const slowest: [number, string][] = [];
    for (const q of queries) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      searchProducts(db, q, now);
      const ms = performance.now() - t0;
      searchesCpu.push(cpuMs(c0));
      searches.push(ms);
      slowest.push([ms, q]);
    }
    if (process.env.RINGUP_BENCH_SLOWEST) console.log(slowest.sort((a, b) => b[0] - a[0]).slice(0, 25));

    const figures: CatalogFigures = {
      catalog_products: size,
      catalog_load_s: Number((loadMs / 1000).toFixed(1)),
      barcode_p50_us: Number(percentile(lookups, 50).toFixed(1)),
      barcode_p99_us: Number(percentile(lookups, 99).toFixed(1)),
      search_p50_ms: Number(percentile(searches, 50).toFixed(3)),
      search_p99_ms: Number(percentile(searches, 99).toFixed(3)),
      search_max_ms: Number(Math.max(...searches).toFixed(3)),
      barcode_p99_cpu_us: Number(percentile(lookupsCpu, 99).toFixed(1)),
      search_p99_cpu_ms: Number(percentile(searchesCpu, 99).toFixed(3)),
      load_average_1m: Number(loadavg()[0]?.toFixed(1) ?? 0),
    };
    if (!options.quiet) {
      console.log(`\nCatalog (${size.toLocaleString('en')} generated products, loaded through the CSV import in ${fmt(loadMs / 1000, 1)} s)`);
      console.log(
        `  barcode lookup   p50 ${fmt(figures.barcode_p50_us, 1).padStart(8)} µs   p99 ${fmt(figures.barcode_p99_us, 1).padStart(8)} µs   (n=20000; target p99 < 50 µs)`,
      );
      console.log(
        `  name search      p50 ${fmt(figures.search_p50_ms).padStart(8)} ms   p99 ${fmt(figures.search_p99_ms).padStart(8)} ms   max ${fmt(figures.search_max_ms)} ms  (n=${queries.length}; target p99 < 1 ms)`,
      );
      console.log(
        `  CPU time p99     barcode ${fmt(figures.barcode_p99_cpu_us, 1)} µs, search ${fmt(figures.search_p99_cpu_ms)} ms   (load average ${figures.load_average_1m} on ${cpus().length} cores while measuring)`,
      );
    }
    return figures;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchCatalog();
