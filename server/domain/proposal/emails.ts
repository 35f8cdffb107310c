import type { Email } from "../emails";
import type { Locale } from "../locale";

// The emails a proposal's life writes, plain text in the recipient's language: to the client's
// approvers when it is sent, to the organisation's consultants when the client decides.

export function proposalSentEmail(
  locale: Locale,
  input: { number: string; title: string; organisation: string; validUntil: string; link: string },
): Email {
  if (locale === "zh-CN")
    return {
      subject: `报价单 ${input.number}：${input.title}`,
      body:
        `${input.organisation} 向您发送了报价单 ${input.number}「${input.title}」，有效期至 ${input.validUntil}。\n` +
        `请在有效期内于客户门户中接受或拒绝。\n\n${input.link}`,
    };
  return {
    subject: `Proposal ${input.number}: ${input.title}`,
    body:
      `${input.organisation} sent you proposal ${input.number} "${input.title}", valid until ${input.validUntil}.\n` +
      `Accept or decline it in the client portal before then.\n\n${input.link}`,
  };
}

export function proposalDecidedEmail(
  locale: Locale,
  input: {
    decision: "accepted" | "declined";
    number: string;
    title: string;
    who: string;
    comment: string;
    link: string;
  },
): Email {
  if (locale === "zh-CN") {
    const verb = input.decision === "accepted" ? "接受" : "拒绝";
    return {
      subject: `报价单 ${input.number} 已被${verb}`,
      body:
        `${input.who} ${verb}了报价单 ${input.number}「${input.title}」。` +
        `${input.decision === "accepted" ? "已据此创建项目。" : ""}\n` +
        `${input.comment ? `\n意见：${input.comment}\n` : ""}\n${input.link}`,
    };
  }
  return {
    subject: `Proposal ${input.number} ${input.decision}`,
    body:
      `${input.who} ${input.decision} proposal ${input.number} "${input.title}".` +
      `${input.decision === "accepted" ? " The engagement was created from it." : ""}\n` +
      `${input.comment ? `\nComment: ${input.comment}\n` : ""}\n${input.link}`,
  };
}
