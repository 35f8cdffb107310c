import type { Locale } from "./locale";

// The emails the app writes, as plain text in the recipient's language. Names and comments are
// other people's words: they are quoted as they are (plain text needs no escaping) and never
// decide the subject line's structure.

export interface Email {
  subject: string;
  body: string;
}

/** `client` is null when the invitation is to join the organisation as a consultant. */
export function invitationEmail(
  locale: Locale,
  input: {
    organisation: string;
    client: string | null;
    role: "approver" | "viewer" | "consultant";
    link: string;
    expiresAt: string;
  },
): Email {
  if (locale === "zh-CN") {
    if (input.client === null) {
      return {
        subject: `${input.organisation} 邀请您加入 Tollgate`,
        body:
          `您好！\n\n${input.organisation} 邀请您以顾问身份加入其 Tollgate 工作区。\n\n` +
          `请打开以下链接设置密码（仅可使用一次，${input.expiresAt} 前有效）：\n` +
          `${input.link}\n\n如果您并不认识发件人，请忽略此邮件。`,
      };
    }
    const role = input.role === "approver" ? "审批人" : "查看者";
    return {
      subject: `${input.organisation} 邀请您加入 Tollgate 客户门户`,
      body:
        `您好！\n\n` +
        `${input.organisation} 邀请您以${role}身份查看 ${input.client} 的项目交付与证据。\n\n` +
        `请打开以下链接设置密码（仅可使用一次，${input.expiresAt} 前有效）：\n` +
        `${input.link}\n\n如果您并不认识发件人，请忽略此邮件。`,
    };
  }
  if (input.client === null) {
    return {
      subject: `${input.organisation} invites you to Tollgate`,
      body:
        `Hello,\n\n${input.organisation} invites you to join its Tollgate workspace as a consultant.\n\n` +
        `Set your password with this link (single use, valid until ${input.expiresAt}):\n${input.link}\n\n` +
        `If you do not know the sender, ignore this message.`,
    };
  }
  return {
    subject: `${input.organisation} invites you to the Tollgate client portal`,
    body:
      `Hello,\n\n${input.organisation} invites you as ${input.role === "approver" ? "an approver" : "a viewer"} ` +
      `for ${input.client}: review deliverables and the evidence behind them.\n\n` +
      `Set your password with this link (single use, valid until ${input.expiresAt}):\n${input.link}\n\n` +
      `If you do not know the sender, ignore this message.`,
  };
}

/** What a stored copy of an email shows instead of a secret link (the outbox never keeps one readable). */
export function withheldLinkText(locale: Locale): string {
  return locale === "zh-CN"
    ? "［链接已隐藏：仅在发送邀请时向邀请人显示一次；如需新链接请重新发送］"
    : "[link withheld: shown once to whoever sent the invitation; resend for a new one]";
}

export function decisionEmail(
  locale: Locale,
  input: {
    who: string;
    decision: "approved" | "changes_requested" | "deemed";
    milestone: string;
    engagement: string;
    comment: string;
    link: string;
  },
): Email {
  if (locale === "zh-CN") {
    const verb = input.decision === "approved" ? "已批准" : input.decision === "deemed" ? "已视为验收" : "要求修改";
    return {
      subject: `${input.milestone}：${verb}`,
      body:
        `${input.decision === "deemed" ? "审核期限已过，" : `${input.who} `}` +
        `${verb}里程碑「${input.milestone}」（${input.engagement}）。\n` +
        `${input.comment ? `\n意见：${input.comment}\n` : ""}\n${input.link}`,
    };
  }
  const verb =
    input.decision === "approved" ? "approved" : input.decision === "deemed" ? "deemed accepted" : "changes requested";
  return {
    subject: `${input.milestone}: ${verb}`,
    body:
      (input.decision === "deemed"
        ? "The review period ended without a decision: the milestone"
        : `${input.who} decided on the milestone`) +
      ` "${input.milestone}" (${input.engagement}): ${verb}.\n` +
      `${input.comment ? `\nComment: ${input.comment}\n` : ""}\n${input.link}`,
  };
}

export function awaitingReviewEmail(
  locale: Locale,
  input: { milestone: string; engagement: string; link: string; deadline: string | null },
): Email {
  if (locale === "zh-CN") {
    return {
      subject: `待您审核：${input.milestone}`,
      body:
        `里程碑「${input.milestone}」（${input.engagement}）的证据已通过验证，等待您审核。\n` +
        (input.deadline ? `\n若在 ${input.deadline} 前未批准或要求修改，将视为验收。\n` : "") +
        `\n${input.link}`,
    };
  }
  return {
    subject: `Awaiting your review: ${input.milestone}`,
    body:
      `The evidence for "${input.milestone}" (${input.engagement}) is verified and awaits your review.\n` +
      (input.deadline
        ? `\nWithout an approval or a change request by ${input.deadline}, it is deemed accepted.\n`
        : "") +
      `\n${input.link}`,
  };
}

/** An instant as a reader in `timeZone` reads it, to the minute: "2026-11-12 16:05 (Asia/Shanghai)". */
export function zonedMinute(iso: string, timeZone: string): string {
  const local = new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
  return `${local} (${timeZone})`;
}

/** An SLA trigger held for its duration: the action it calls for, the clause and the interval. */
export function slaTriggerEmail(
  locale: Locale,
  input: {
    action: string;
    clause: string;
    engagement: string;
    trigger: { when: "above" | "below"; value: number; forMinutes: number; unit: string };
    from: string;
    to: string;
    link: string;
  },
): Email {
  const { when, value, forMinutes, unit } = input.trigger;
  if (locale === "zh-CN") {
    const condition = `${when === "above" ? "高于" : "低于"} ${value} ${unit} 持续 ${forMinutes} 分钟`;
    return {
      subject: `SLA 触发：${input.action}`,
      body:
        `项目「${input.engagement}」的 SLA 条款「${input.clause}」的触发条件（${condition}）` +
        `在 ${input.from} 至 ${input.to} 期间成立。\n\n` +
        `项目已新增待办事项：${input.action}\n\n${input.link}`,
    };
  }
  const condition = `${when} ${value} ${unit} for ${forMinutes} minutes`;
  return {
    subject: `SLA trigger: ${input.action}`,
    body:
      `The trigger of the SLA clause "${input.clause}" (${input.engagement}), ${condition}, held from ` +
      `${input.from} to ${input.to}.\n\nThe engagement has a new action item: ${input.action}\n\n${input.link}`,
  };
}

/** The consultant shared the engagement's ROI report with the client. */
export function roiSharedEmail(locale: Locale, input: { engagement: string; who: string; link: string }): Email {
  if (locale === "zh-CN")
    return {
      subject: `投资回报报告：${input.engagement}`,
      body:
        `${input.who} 与您分享了项目「${input.engagement}」的投资回报（ROI）报告：` +
        `净现值、置信区间、回收期与技术债务清单，附中英文 PDF。\n\n${input.link}`,
    };
  return {
    subject: `ROI report: ${input.engagement}`,
    body:
      `${input.who} shared the ROI report of ${input.engagement} with you: net present value, its confidence ` +
      `interval, payback and the priced tech debt, with the PDF in English and Chinese.\n\n${input.link}`,
  };
}
