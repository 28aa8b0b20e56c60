/** The install-code email: the code, the ISO link, when both expire, and what to do with them. */
export function installCodeEmail(opts: {
  companyName: string;
  edition: string;
  code: string;
  expiresAt: Date;
  downloadUrl: string;
  downloadUnavailableReason?: string;
  publicUrl: string;
}): { subject: string; text: string } {
  const expires = opts.expiresAt.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  const download = opts.downloadUrl
    ? `1. Download the appliance ISO (the link works until ${expires}):\n   ${opts.downloadUrl}`
    : `1. Download the appliance ISO: no download link could be made (${opts.downloadUnavailableReason ?? "not configured"}); ask us for the ISO.`;
  return {
    subject: `Your Embark appliance install code (${opts.edition})`,
    text: [
      `Hello ${opts.companyName},`,
      "",
      `Your install code for Embark appliance ${opts.edition}:`,
      "",
      `    ${opts.code}`,
      "",
      `It can be used once, until ${expires}.`,
      "",
      download,
      "2. Boot the ISO on the machine that becomes the appliance.",
      "3. In the setup screen, enter the install code. The appliance registers itself and adopts your tenant.",
      "",
      `Code expired or lost? Ask for a new one at ${opts.publicUrl}/order/appliance/reissue (the old code stops working).`,
    ].join("\n"),
  };
}
