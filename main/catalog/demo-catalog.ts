import type { Db } from '../ledger/database';
import { importCatalogCsv } from './catalog-csv';
import { updateSettings } from '../settings/settings';
import { sql } from '../ledger/statements';

// A small corner shop: enough for a newcomer to scan, search and pay at once. Barcodes are real
// EAN-13 shapes with valid check digits so a wedge scanner test reads like the real thing. The
// fruit is sold by weight (sold_by): its barcode is the base code of its scale labels (prefix 21,
// item 00001 and 00002, weight zeroed), so a label such as 2100001004521 rings up 0.452 kg of
// apples, and a weight keyed at the counter keeps three decimals; everything else is sold by the
// piece, so a quantity of 1.5 toothbrushes is refused. The apples also carry 2000001000007, the
// base code of the default price layout (prefix 20, item 00001): a label such as 2000001004432
// rings up a bag of apples the scale priced at ¥4.43, so both layouts can be tried in the demo.
// Either base code scanned alone is a label for an empty pan, refused; picked from the list, the
// apples ask for their weight.
export const DEMO_CATALOG_CSV = `sku,barcode,name_zh,name_en,price,tax_rate,sold_by,extra_barcodes
WATER-550,6901234567892,农夫山泉 550ml,Mineral water 550ml,2.00,13%,piece
COLA-330,6902345678903,可口可乐 330ml,Coca-Cola 330ml,3.50,13%,piece
TEA-500,6903456789014,康师傅冰红茶 500ml,Iced black tea 500ml,3.00,13%,piece
MILK-250,6904567890125,蒙牛纯牛奶 250ml,Pure milk 250ml,3.80,9%,piece
BREAD-01,6905678901236,全麦面包,Whole wheat bread,8.50,9%,piece
EGG-10,6906789012347,鲜鸡蛋 10枚,Fresh eggs x10,12.90,9%,piece
RICE-5KG,6907890123458,东北大米 5kg,Northeast rice 5kg,39.90,9%,piece
NOODLE-01,6908901234569,红烧牛肉面,Braised beef noodles,4.50,13%,piece
APPLE-KG,2100001000004,红富士苹果 (每公斤),Fuji apples (per kg),9.80,9%,weight,2000001000007
BANANA-KG,2100002000003,香蕉 (每公斤),Bananas (per kg),6.60,9%,weight
TISSUE-01,6909012345670,清风抽纸 3包,Tissue pack x3,15.90,13%,piece
SOAP-01,6900123456781,舒肤佳香皂,Safeguard soap,6.80,13%,piece
PEN-01,6911234567891,晨光中性笔,Gel pen,2.50,13%,piece
BATTERY-AA,6912345678902,南孚电池 AA 4粒,AA batteries x4,19.90,13%,piece
GUM-01,6913456789013,益达口香糖,Extra chewing gum,9.90,13%,piece
BAG-01,,购物袋,Shopping bag,0.30,13%,piece
`;

/** Seeds the demo store once; a ledger that already has products is left alone. */
export function seedDemo(db: Db, now: number): void {
  const count = (sql(db, 'SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;
  if (count > 0) return;
  const report = importCatalogCsv(db, DEMO_CATALOG_CSV, null, now);
  if (report.errors.length > 0) throw new Error(`demo catalog is invalid: ${JSON.stringify(report.errors)}`);
  updateSettings(
    db,
    { storeName: '便利店 Ringup Demo', storeAddress: '上海市黄浦区南京东路 100 号', storeTaxId: '91310000MA1K000000', receiptFooter: '谢谢惠顾 Thank you!' },
    null,
  );
}
