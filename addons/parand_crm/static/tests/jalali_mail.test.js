import { describe, expect, test } from "@odoo/hoot";
import { queryFirst } from "@odoo/hoot-dom";
import { mockDate } from "@odoo/hoot-mock";
import {
    contains,
    defineMailModels,
    openDiscuss,
    start,
    startServer,
} from "@mail/../tests/mail_test_helpers";
import { patchWithCleanup } from "@web/../tests/web_test_helpers";
import { jalaliSettings } from "@parand_crm/core/l10n/jalali_dates";

describe.current.tags("desktop");
defineMailModels();

async function openMessageOf(date) {
    mockDate("2024-08-25 10:00:00", 0);
    const pyEnv = await startServer();
    const channelId = pyEnv["discuss.channel"].create({ name: "Parand" });
    pyEnv["mail.message"].create({
        body: "Salam",
        date,
        model: "discuss.channel",
        res_id: channelId,
    });
    await start();
    await openDiscuss(channelId);
    await contains(".o-mail-Message", { text: "Salam" });
}

test("a Jalali user reads the day of a message in Jalali", async () => {
    patchWithCleanup(jalaliSettings, { enabled: true });
    await openMessageOf("2024-07-22 10:00:00");
    // 22 July 2024 is 1 Mordad 1403, written by Intl's Persian calendar.
    const day = queryFirst(".o-mail-DateSection").textContent;
    expect(day).toMatch(/Mordad 1, 1403/);
    expect(queryFirst(".o-mail-Message-date").title).toMatch(/1403/);
    expect(queryFirst(".o-mail-Message-date").title).not.toMatch(/2024/);
});

test("a Gregorian user reads the day of a message in Gregorian", async () => {
    patchWithCleanup(jalaliSettings, { enabled: false });
    await openMessageOf("2024-07-22 10:00:00");
    expect(queryFirst(".o-mail-DateSection").textContent).toMatch(/July 22, 2024/);
    expect(queryFirst(".o-mail-Message-date").title).toMatch(/2024/);
});
