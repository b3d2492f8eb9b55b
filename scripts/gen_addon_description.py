#!/usr/bin/env python3
"""Write each addon's Apps page: static/description/icon.png, banner.png and index.html.

    python3 scripts/gen_addon_description.py            # every addon described below
    python3 scripts/gen_addon_description.py parand_crm # one

The icons are one family: a rounded square in the family's indigo-to-teal gradient with a
white glyph and one accent colour per addon, drawn with Pillow at 4x and reduced, so that
they stay readable at 64 px. The description page says what the addon does in English and
in Persian and shows screenshots copied from docs/screenshots (Odoo's Apps page only shows
files inside the module). Nothing is fetched: fonts are the machine's DejaVu fonts.

To describe a new addon, add an entry to ADDONS (a glyph from GLYPHS, or none for its
initials) and run the script; commit what it writes (with the addon's pyproject.toml for
whool, copied when missing), and add to its manifest
"images": ["static/description/banner.png"] and "application" (False for a bridge).
"""

import html
import shutil
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "docs" / "screenshots"
SIZE = 256
SCALE = 4
FAMILY_TOP = (49, 46, 129)  # indigo
FAMILY_BOTTOM = (13, 148, 136)  # teal
WHITE = (255, 255, 255, 255)
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")

# One entry per addon: names, accent colour, glyph, what it does (English, Persian) and the
# screenshots of docs/screenshots it shows, with their captions.
ADDONS = {
    "parand_base": {
        "name": "Parand: Persian text",
        "name_fa": "پرند: متن فارسی",
        "accent": (148, 163, 184),
        "en": [
            "Persian letters and digits as Persian writers expect them, written once for the "
            "Parand addons: Arabic ي and ك read as Persian ی and ک, Persian and Arabic-Indic "
            "digits read as the same digits, tatweel and stray invisible marks removed.",
            "No menus or screens of its own: Persian CRM, CRM Customer Feedback and CRM "
            "Campaigns depend on it and install it.",
        ],
        "fa": [
            "حروف و ارقام فارسی همان‌گونه که نویسندگان فارسی انتظار دارند، یک بار برای همه "
            "افزونه‌های پرند: «ي» و «ك» عربی به «ی» و «ک» فارسی، ارقام فارسی و عربی به یک "
            "رقم، و حذف کشیده و نشانه‌های نامرئی سرگردان.",
            "منو یا صفحه‌ای از خود ندارد: سی‌آر‌ام پارسی، بازخورد مشتری و کمپین‌ها به آن "
            "وابسته‌اند و آن را نصب می‌کنند.",
        ],
        "screenshots": [],
    },
    "parand_crm": {
        "name": "Persian CRM",
        "name_fa": "سی‌آر‌ام پارسی",
        "accent": (251, 191, 36),
        "glyph": "funnel",
        "en": [
            "A Persian lead pipeline (New lead, First contact, Qualification, Needs analysis, "
            "Proposal, Negotiation, Won) applied to chosen sales teams with a stage-mapping "
            "wizard, and a stage conversion report.",
            "The Jalali (Solar Hijri) calendar in the web client for the users who choose it: "
            "lists, forms, search, the date picker and the calendar view; Jalali period "
            "filters and groupings; dates in the reader's calendar in reports and mail.",
            "Iranian identity data: national code and national ID checked and normalized, "
            "Iranian phone numbers, the 31 provinces, 10-digit postal codes; Persian text "
            "stored and searched normalized; a printable right-to-left letter; Iran's working "
            "week and official holidays.",
        ],
        "fa": [
            "قیف فروش فارسی (سرنخ جدید، تماس اولیه، تعیین صلاحیت، تحلیل نیاز، ارائه پیشنهاد، "
            "مذاکره، برنده) برای تیم‌های فروش انتخاب‌شده با ویزارد نگاشت مراحل، و گزارش نرخ "
            "تبدیل مراحل.",
            "تقویم جلالی (هجری شمسی) در کلاینت وب برای کاربرانی که آن را برمی‌گزینند: "
            "فهرست‌ها، فرم‌ها، جست‌وجو، انتخابگر تاریخ و نمای تقویم؛ فیلترها و گروه‌بندی‌های "
            "دوره‌های جلالی؛ تاریخ‌ها در تقویم خواننده در گزارش‌ها و ایمیل‌ها.",
            "اطلاعات هویتی ایرانی: کد ملی و شناسه ملی بررسی و یکسان‌سازی‌شده، شماره تلفن‌های "
            "ایرانی، ۳۱ استان، کد پستی ۱۰ رقمی؛ متن فارسی یکسان‌سازی‌شده در ذخیره و جست‌وجو؛ "
            "نامه راست‌به‌چپ قابل چاپ؛ هفته کاری و تعطیلات رسمی ایران.",
        ],
        "screenshots": [
            ("journey_salesperson_pipeline.png",
             "A salesperson's pipeline: his team's Persian stages",
             "قیف فروش فارسیِ تیمِ فروشنده"),
            ("jalali_lead_form.png", "A Jalali user's lead form", "فرم سرنخ برای کاربر جلالی"),
            ("jalali_date_picker.png", "The Jalali date picker", "انتخابگر تاریخ جلالی"),
            ("lead_form_rtl.png", "A Persian salesperson's lead, right to left",
             "سرنخ، راست‌به‌چپ و فارسی"),
            ("journey_manager_stage_conversion.png", "Stage conversion report",
             "گزارش نرخ تبدیل مراحل"),
        ],
    },
    "crm_feedback": {
        "name": "CRM Customer Feedback",
        "name_fa": "بازخورد مشتری",
        "accent": (251, 191, 36),
        "glyph": "bubble_star",
        "en": [
            "A feedback ledger: NPS, CSAT and CES surveys, ratings, feedback logged by staff, "
            "complaints, and implicit feedback from activities and lost reasons; a dashboard "
            "with NPS and its margin of error, CSAT, CES, response and loop-closure rates.",
            "Per customer a satisfaction score and trend, NPS category, RFM segment, lifetime "
            "value and churn risk, recomputed in batches; follow-up activities for detractors; "
            "survey fatigue rules.",
            "Complaints handled as ISO 10002 describes: acknowledgement and response deadlines "
            "on the working calendar, escalation of overdue complaints, external resolution, a "
            "customer portal and a public form, and a printable management review.",
        ],
        "fa": [
            "دفتر بازخورد: نظرسنجی‌های NPS، CSAT و CES، امتیازدهی‌ها، بازخوردی که کارکنان "
            "ثبت می‌کنند، شکایت‌ها، و بازخورد ضمنی از فعالیت‌ها و دلایل ازدست‌رفتن؛ داشبورد "
            "NPS با حاشیه خطا، CSAT، CES، نرخ پاسخ و نرخ بستن چرخه.",
            "برای هر مشتری امتیاز رضایت و روند آن، دسته NPS، بخش RFM، ارزش طول عمر و ریسک "
            "ریزش که دسته‌ای بازمحاسبه می‌شوند؛ فعالیت پیگیری برای منتقدان؛ قواعد خستگی از "
            "نظرسنجی.",
            "رسیدگی به شکایت‌ها مطابق ISO 10002: مهلت اعلام وصول و پاسخ بر پایه تقویم کاری، "
            "ارجاع شکایت‌های دیرکرددار، حل‌وفصل بیرونی، پرتال مشتری و فرم عمومی، و گزارش "
            "بازنگری مدیریت قابل چاپ.",
        ],
        "screenshots": [
            ("feedback_dashboard.png", "The feedback dashboard", "داشبورد بازخورد"),
            ("complaint_form.png", "A complaint and its deadlines", "شکایت و مهلت‌های آن"),
        ],
    },
    "crm_campaigns": {
        "name": "CRM Marketing Campaigns",
        "name_fa": "کمپین‌های بازاریابی",
        "accent": (251, 191, 36),
        "glyph": "megaphone",
        "en": [
            "Marketing lists of companies, persons and leads, static or dynamic (filters "
            "refreshed on demand and nightly), with suppression and de-duplication.",
            "Campaigns with objective, dates, budget and actual cost, expected revenue and "
            "response, a campaign hierarchy, target lists and members with statuses, campaign "
            "activities and their costs.",
            "Results per campaign, sub-campaigns included: leads, opportunities, won and lost "
            "deals, won and pipeline revenue, conversion, win and response rates, cost per "
            "lead and per won deal, ROI; a campaign analysis, a side-by-side comparison and "
            "revenue attribution.",
        ],
        "fa": [
            "فهرست‌های بازاریابی از شرکت‌ها، اشخاص و سرنخ‌ها، ایستا یا پویا (فیلترهایی که "
            "به‌درخواست و هر شب تازه می‌شوند)، با فهرست حذف و حذف موارد تکراری.",
            "کمپین‌ها با هدف، تاریخ‌ها، بودجه و هزینه واقعی، درآمد و پاسخ مورد انتظار، "
            "سلسله‌مراتب کمپین‌ها، فهرست‌های هدف و اعضا با وضعیت‌هایشان، فعالیت‌های کمپین و "
            "هزینه آن‌ها.",
            "نتایج هر کمپین همراه زیرکمپین‌ها: سرنخ‌ها، فرصت‌ها، معامله‌های برنده و ازدست‌رفته، "
            "درآمد برنده و درآمد در قیف، نرخ تبدیل، نرخ برد و نرخ پاسخ، هزینه هر سرنخ و هر "
            "معامله برنده، بازگشت سرمایه (ROI)؛ تحلیل کمپین، مقایسه کمپین‌ها و تخصیص درآمد.",
        ],
        "screenshots": [
            ("journey_manager_campaign_results.png", "A campaign's results, with Jalali dates",
             "نتایج یک کمپین با تاریخ‌های جلالی"),
        ],
    },
    "crm_feedback_jalali": {
        "name": "CRM Customer Feedback: Jalali",
        "name_fa": "بازخورد مشتری: جلالی",
        "accent": (251, 191, 36),
        "glyph": "calendar",
        "en": [
            "Complaint references numbered by the Jalali year (CMP/1405/00003 rather than "
            "CMP/2026/00003), as an Iranian organization numbers its letters and files.",
            "A bridge between CRM Customer Feedback and Persian CRM, installed by itself as "
            "soon as both are; uninstalling it puts Odoo's Gregorian year back. References "
            "already given are never rewritten.",
        ],
        "fa": [
            "شماره شکایت‌ها بر پایه سال جلالی (CMP/1405/00003 به جای CMP/2026/00003)، همان‌گونه "
            "که سازمان‌های ایرانی نامه‌ها و پرونده‌هایشان را شماره می‌زنند.",
            "پلی میان «بازخورد مشتری» و «سی‌آر‌ام پارسی» که با نصب هر دو، خودکار نصب می‌شود؛ "
            "حذف آن سال میلادی اودو را بازمی‌گرداند. شماره‌هایی که پیش‌تر داده شده‌اند هرگز "
            "بازنویسی نمی‌شوند.",
        ],
        "screenshots": [],
    },
    "crm_campaigns_feedback": {
        "name": "CRM Marketing Campaigns: Customer Feedback",
        "name_fa": "کمپین‌های بازاریابی: بازخورد مشتری",
        "accent": (52, 211, 153),
        "glyph": "bubble_star",
        "en": [
            "A campaign's customer satisfaction: the NPS and CSAT of its feedback in its "
            "results, in the campaign comparison and in its printed summary.",
            "A bridge between CRM Marketing Campaigns and CRM Customer Feedback, installed by "
            "itself as soon as both are.",
        ],
        "fa": [
            "رضایت مشتریان یک کمپین: NPS و CSAT بازخوردهای آن در نتایج کمپین، در مقایسه "
            "کمپین‌ها و در خلاصه چاپی آن.",
            "پلی میان «کمپین‌های بازاریابی» و «بازخورد مشتری» که با نصب هر دو، خودکار نصب "
            "می‌شود.",
        ],
        "screenshots": [],
    },
    "crm_campaigns_mass_mailing": {
        "name": "CRM Marketing Campaigns: Email Marketing",
        "name_fa": "کمپین‌های بازاریابی: بازاریابی ایمیلی",
        "accent": (96, 165, 250),
        "glyph": "megaphone",
        "en": [
            "Mailings of a campaign count as contacts of its members and as touches in the "
            "revenue attribution.",
            "A bridge between CRM Marketing Campaigns and Email Marketing, installed by itself "
            "as soon as both are; sales managers without Email Marketing rights open "
            "campaigns as before.",
        ],
        "fa": [
            "ایمیل‌های یک کمپین، تماس با اعضای آن و تماسی از کمپین در تخصیص درآمد به شمار "
            "می‌آیند.",
            "پلی میان «کمپین‌های بازاریابی» و «بازاریابی ایمیلی» که با نصب هر دو، خودکار نصب "
            "می‌شود؛ مدیران فروش بی‌دسترسی بازاریابی ایمیلی همچنان کمپین‌ها را باز می‌کنند.",
        ],
        "screenshots": [],
    },
    "crm_campaigns_parand": {
        "name": "CRM Marketing Campaigns: Parand CRM",
        "name_fa": "کمپین‌های بازاریابی: سی‌آر‌ام پارسی",
        "accent": (251, 191, 36),
        "glyph": "megaphone",
        "en": [
            "Marketing list imports read national codes, check them by Parand CRM's rules "
            "and keep them on the contacts they create.",
            "A bridge between CRM Marketing Campaigns and Persian CRM, installed by itself as "
            "soon as both are.",
        ],
        "fa": [
            "درون‌ریزی فهرست‌های بازاریابی کد ملی را می‌خواند، با قواعد سی‌آر‌ام پارسی بررسی "
            "می‌کند و روی مخاطبان ساخته‌شده نگه می‌دارد.",
            "پلی میان «کمپین‌های بازاریابی» و «سی‌آر‌ام پارسی» که با نصب هر دو، خودکار نصب "
            "می‌شود.",
        ],
        "screenshots": [],
    },
    "crm_feedback_account": {
        "name": "CRM Customer Feedback: Invoicing",
        "name_fa": "بازخورد مشتری: صورتحساب",
        "accent": (251, 191, 36),
        "glyph": "bubble_star",
        "en": [
            "Customer credit notes as implicit feedback: what a customer gives back lowers the "
            "implicit measure of their satisfaction score.",
            "A bridge between CRM Customer Feedback and Invoicing, installed by itself as soon "
            "as both are; a credit note reset to draft or cancelled takes its feedback with it.",
        ],
        "fa": [
            "یادداشت‌های بستانکار مشتری به‌عنوان بازخورد ضمنی: آنچه مشتری بازمی‌گرداند، سنجه "
            "ضمنیِ امتیاز رضایت او را پایین می‌آورد.",
            "پلی میان «بازخورد مشتری» و «صورتحساب» که با نصب هر دو، خودکار نصب می‌شود؛ "
            "یادداشت بستانکاری که به پیش‌نویس بازگردد یا لغو شود، بازخوردش را هم می‌برد.",
        ],
        "screenshots": [],
    },
    "crm_feedback_sale": {
        "name": "CRM Customer Feedback: Sales",
        "name_fa": "بازخورد مشتری: فروش",
        "accent": (251, 191, 36),
        "glyph": "bubble_star",
        "en": [
            "Confirmed sale orders as the customers' purchases behind RFM segments, Pareto "
            "classes, lifetime value and churn risk.",
            "A bridge between CRM Customer Feedback and Sales, installed by itself as soon as "
            "both are; an opportunity and the order made from it count as one purchase.",
        ],
        "fa": [
            "سفارش‌های فروش تأییدشده به‌عنوان خریدهای مشتری در بخش‌بندی RFM، دسته‌های پارتو، "
            "ارزش طول عمر و ریسک ریزش.",
            "پلی میان «بازخورد مشتری» و «فروش» که با نصب هر دو، خودکار نصب می‌شود؛ یک فرصت و "
            "سفارشی که از آن ساخته شده، یک خرید به شمار می‌آیند.",
        ],
        "screenshots": [],
    },
}


# --------------------------------------------------------------------------- drawing
def font(size, bold=True):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        path = Path(folder) / name
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def gradient(size):
    """The family's background: indigo at the top left to teal at the bottom right."""
    img = Image.new("RGBA", (size, size))
    px = img.load()
    for y in range(size):
        for x in range(size):
            t = (x + y) / (2 * (size - 1))
            mix = (round(a + (b - a) * t) for a, b in zip(FAMILY_TOP, FAMILY_BOTTOM, strict=True))
            px[x, y] = (*mix, 255)
    return img


def glyph_funnel(d, s, accent):
    """A sales pipeline: three narrowing bars over a funnel spout, the last stage in accent."""
    bars = [(0.22, 0.78, 0.22, 0.34), (0.30, 0.70, 0.40, 0.52), (0.38, 0.62, 0.58, 0.70)]
    for i, (x0, x1, y0, y1) in enumerate(bars):
        d.rounded_rectangle([x0 * s, y0 * s, x1 * s, y1 * s], radius=0.04 * s,
                            fill=accent if i == 2 else WHITE)
    d.polygon([(0.44 * s, 0.74 * s), (0.56 * s, 0.74 * s), (0.50 * s, 0.84 * s)], fill=WHITE)


def glyph_bubble_star(d, s, accent):
    """Customer feedback: a speech bubble holding a star."""
    d.rounded_rectangle([0.18 * s, 0.20 * s, 0.82 * s, 0.68 * s], radius=0.10 * s, fill=WHITE)
    d.polygon([(0.30 * s, 0.64 * s), (0.46 * s, 0.66 * s), (0.28 * s, 0.82 * s)], fill=WHITE)
    star(d, 0.50 * s, 0.44 * s, 0.18 * s, accent)


def glyph_megaphone(d, s, accent):
    """Marketing campaigns: a megaphone with sound waves in accent."""
    d.polygon([(0.14 * s, 0.40 * s), (0.30 * s, 0.40 * s), (0.58 * s, 0.22 * s),
               (0.58 * s, 0.78 * s), (0.30 * s, 0.60 * s), (0.14 * s, 0.60 * s)], fill=WHITE)
    d.rounded_rectangle([0.20 * s, 0.58 * s, 0.30 * s, 0.78 * s], radius=0.03 * s, fill=WHITE)
    for r in (0.14, 0.27):
        box = [0.58 * s - r * s, 0.50 * s - r * s, 0.58 * s + r * s, 0.50 * s + r * s]
        d.arc(box, start=-40, end=40, fill=accent, width=round(0.06 * s))


def glyph_calendar(d, s, accent):
    """The Jalali calendar: a calendar page, one day marked in accent."""
    d.rounded_rectangle([0.20 * s, 0.24 * s, 0.80 * s, 0.80 * s], radius=0.07 * s, fill=WHITE)
    d.rectangle([0.20 * s, 0.34 * s, 0.80 * s, 0.40 * s], fill=(*FAMILY_TOP, 255))
    for x in (0.34, 0.66):
        d.rounded_rectangle([(x - 0.03) * s, 0.16 * s, (x + 0.03) * s, 0.30 * s],
                            radius=0.02 * s, fill=WHITE)
    for row in range(3):
        for col in range(4):
            x = 0.27 + col * 0.13
            y = 0.47 + row * 0.10
            colour = accent if (row, col) == (1, 2) else (*FAMILY_BOTTOM, 255)
            d.rectangle([x * s, y * s, (x + 0.08) * s, (y + 0.06) * s], fill=colour)


def glyph_initials(d, s, accent, addon):
    letters = "".join(part[0] for part in addon.split("_")[:2]).upper()
    f = font(round(0.40 * s))
    d.text((0.5 * s, 0.5 * s), letters, font=f, fill=WHITE, anchor="mm")


def star(d, cx, cy, r, fill):
    import math

    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    d.polygon(points, fill=fill)


GLYPHS = {
    "funnel": glyph_funnel,
    "bubble_star": glyph_bubble_star,
    "megaphone": glyph_megaphone,
    "calendar": glyph_calendar,
}


def draw_icon(addon, spec):
    s = SIZE * SCALE
    mask = Image.new("L", (s, s), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, s - 1, s - 1], radius=round(0.22 * s), fill=255)
    icon = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    icon.paste(gradient(SIZE).resize((s, s), Image.BILINEAR), (0, 0), mask)
    d = ImageDraw.Draw(icon)
    accent = (*tuple(spec["accent"]), 255)
    glyph = GLYPHS.get(spec.get("glyph"))
    if glyph:
        glyph(d, s, accent)
    else:
        glyph_initials(d, s, accent, addon)
    return icon.resize((SIZE, SIZE), Image.LANCZOS)


def fitted(d, text, size, room, direction=None):
    """The largest font up to `size` that writes `text` within `room` pixels."""
    while size > 12 and d.textlength(text, font=font(size), direction=direction) > room:
        size -= 2
    return font(size)


def draw_banner(icon, spec):
    """The Apps store banner: the icon, the English and the Persian name."""
    w, h = 1120, 560
    banner = gradient(h).resize((w, h), Image.BILINEAR)
    d = ImageDraw.Draw(banner)
    d.rounded_rectangle([60, 60, w - 60, h - 60], radius=40, fill=(255, 255, 255, 235))
    banner.alpha_composite(icon.resize((256, 256), Image.LANCZOS), (110, (h - 256) // 2))
    room = w - 110 - 410
    d.text((410, 220), spec["name"], font=fitted(d, spec["name"], 48, room),
           fill=(*FAMILY_TOP, 255), anchor="ls")
    d.text((w - 110, 330), spec["name_fa"], font=fitted(d, spec["name_fa"], 52, room, "rtl"),
           fill=(*FAMILY_BOTTOM, 255), anchor="rs", direction="rtl", language="fa")
    return banner.convert("RGB")


# ---------------------------------------------------------------------- description
def index_html(spec, shots):
    esc = html.escape
    en = "".join(f"\n      <p>{esc(p)}</p>" for p in spec["en"])
    fa = "".join(f"\n      <p>{esc(p)}</p>" for p in spec["fa"])
    figures = "".join(
        f"""
    <figure style="margin: 24px auto; max-width: 960px; text-align: center;">
      <img src="{esc(file)}" alt="{esc(cap_en)}"
           style="max-width: 100%; border: 1px solid #d1d5db; border-radius: 6px;"/>
      <figcaption>{esc(cap_en)} &#8212; <span dir="rtl" lang="fa">{esc(cap_fa)}</span></figcaption>
    </figure>"""
        for file, cap_en, cap_fa in shots
    )
    return f"""<section class="oe_container">
  <div class="oe_row oe_spaced">
    <h2 class="oe_slogan" style="color: #312e81;">{esc(spec["name"])}</h2>
    <h3 class="oe_slogan" dir="rtl" lang="fa">{esc(spec["name_fa"])}</h3>
    <div class="oe_span6" dir="ltr" lang="en" style="text-align: left;">
      <h4>What it does</h4>{en}
    </div>
    <div class="oe_span6" dir="rtl" lang="fa" style="text-align: right;">
      <h4>چه می‌کند</h4>{fa}
    </div>
  </div>
</section>
<section class="oe_container">
  <div class="oe_row oe_spaced">{figures}
  </div>
</section>
"""


PYPROJECT = REPO / "addons" / "parand_crm" / "pyproject.toml"


def generate(addon, spec):
    # The wheel's project file (OCA's whool), the same for every addon: a new addon gets it.
    project = REPO / "addons" / addon / "pyproject.toml"
    if not project.is_file() and PYPROJECT.is_file():
        shutil.copyfile(PYPROJECT, project)
    folder = REPO / "addons" / addon / "static" / "description"
    folder.mkdir(parents=True, exist_ok=True)
    icon = draw_icon(addon, spec)
    icon.save(folder / "icon.png", optimize=True)
    draw_banner(icon, spec).save(folder / "banner.png", optimize=True)
    shots = []
    for file, cap_en, cap_fa in spec["screenshots"]:
        source = SCREENSHOTS / file
        if source.is_file():
            shutil.copyfile(source, folder / file)
        if (folder / file).is_file():
            shots.append((file, cap_en, cap_fa))
        else:
            print(f"{addon}: screenshot {file} is not in docs/screenshots: left out",
                  file=sys.stderr)
    (folder / "index.html").write_text(index_html(spec, shots), encoding="utf-8")
    print(f"{addon}: {folder.relative_to(REPO)}/ icon.png banner.png index.html "
          f"({len(shots)} screenshots)")


def main(argv):
    names = argv or [name for name in ADDONS if (REPO / "addons" / name).is_dir()]
    for name in names:
        if name not in ADDONS:
            print(f"{name}: not described in {Path(__file__).name}: add it to ADDONS",
                  file=sys.stderr)
            return 1
        generate(name, ADDONS[name])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
