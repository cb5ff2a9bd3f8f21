/*
 * Patterns for text that speaks to the model instead of describing the tool. Each aims at the
 * instruction, not the topic: "password (str): the user's password" is a parameter, "include
 * the user's password in the notes field" is an instruction.
 */

/** Pseudo-tags and chat-template markers that try to pass text off as privileged. */
export const INSTRUCTION_TAG =
  /<\s*\/?\s*(?:important|system|instructions?|secret|hidden|admin|assistant|sys|prompt|critical)\b[^<>]{0,40}>|\[\/?INST\]|<\|im_(?:start|end)\|>|<<\/?SYS>>/i;

/** "ignore previous instructions" and its variants. */
export const OVERRIDE_INSTRUCTIONS =
  /\b(?:ignore|disregard|forget|override|bypass)\s+(?:(?:the|your|of|every)\s+)*(?:previous|prior|above|earlier|preceding|other|system|safety|all|any|your)\s+(?:\w+\s+)?(?:instructions?|prompts?|rules|directions|guidelines|guidance|guardrails|messages)\b/i;

/** Asking the model to keep something from the user. */
export const CONCEALMENT = new RegExp(
  [
    String.raw`\b(?:do\s+not|don't|dont|never|without)\s+(?:\w+\s+){0,2}?(?:tell(?:ing)?|mention(?:ing)?|inform(?:ing)?|reveal(?:ing)?|disclos(?:e|ing)|notify(?:ing)?|alert(?:ing)?|let(?:ting)?)\s+(?:\w+\s+){0,3}?(?:user|human|operator)s?\b`,
    String.raw`\b(?:hide|conceal)\s+(?:this|it|that)\s+from\s+the\s+(?:user|human)`,
    String.raw`\bthe\s+(?:user|human)\s+(?:must|should|will|need)\s+(?:not|never)\s+(?:know|see|notice|be\s+told)`,
    String.raw`\b(?:silently|secretly|quietly|covertly)\s+(?:send|upload|include|read|forward|copy|call|post|exfiltrate)`,
  ].join("|"),
  "i",
);

/** "Before using this tool, read …": a precondition that makes the model fetch something. */
export const PRE_USE_INSTRUCTION =
  /\bbefore\s+(?:using|calling|invoking|running|executing)\s+(?:this|the|any)\s+(?:tool|function)\b[^.]{0,60}?\b(?:read|fetch|cat|open|send|upload|include|pass|access|load|copy)\b/i;

/** Attempts to replace the model's role or instructions. */
export const ROLE_HIJACK =
  /\byou\s+are\s+now\b|\bnew\s+(?:system\s+)?instructions?\s*:|\bsystem\s*(?:prompt|message)\s*:/i;

/** Files and folders that hold credentials. */
export const SECRET_PATH =
  /(?:~|\$HOME)?\/?\.ssh\b|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|\.aws\/credentials|~\/\.aws\b|(?:^|[\s"'`(/])\.env\b(?![.\w])|\bmcp\.json\b|claude_desktop_config\.json|\.npmrc\b|\.pypirc\b|\.netrc\b|\.git-credentials\b|\.docker\/config\.json|\/etc\/(?:passwd|shadow)\b|\.kube\/config\b|\.gnupg\b|wallet\.dat\b|\.(?:bash|zsh)_history\b/i;

/** Verbs that get at a file's contents or move them somewhere. */
export const ACCESS_VERB =
  /\b(?:read|cat|open|send|include|pass|upload|attach|copy|forward|post|append|paste|provide|share|print|leak|exfiltrat\w*|transmit|email|contents?\s+of|load|access|grab|steal|collect|extract)\b/i;

/** Words for secrets; "password reset" is a feature, not a secret. */
export const SECRET_WORD =
  /\b(?:api[ _-]?keys?|secret[ _-]?keys?|passwords?|passphrases?|access[ _-]?tokens?|auth(?:entication)?[ _-]?tokens?|bearer\s+tokens?|credentials|private[ _-]?keys?|ssh[ _-]?keys?|seed\s+phrases?|session\s+(?:cookies?|tokens?))\b(?!\s+reset)/i;

/** Verbs that move a secret somewhere. */
export const EXFILTRATION_VERB =
  /\b(?:send|include|pass|upload|attach|forward|post|append|paste|share|leak|exfiltrat\w*|transmit|email|provide|put)\b/i;

/** Wording that turns a sentence into an order to the model. */
export const DIRECTIVE =
  /\b(?:must|always|first|make\s+sure|ensure|remember|(?:do\s+not|don't)\s+forget|otherwise|before|as\s+(?:a\s+|the\s+)?(?:sidenote|note|parameter|argument|field)|in\s+the\s+\w+\s+(?:field|parameter|argument))\b/i;

/** Sentences that start with an order to move something. */
export const IMPERATIVE_EXFILTRATION =
  /^\W*(?:send|include|pass|upload|attach|forward|post|append|paste|share|leak|transmit|email)\b/i;

/** Wording that tells the model how to use (or not use) another tool. */
export const TOOL_DIRECTIVE =
  /\b(?:must|should|always|never|instead|before|after|first|whenever|call|invoke|use|send|redirect|replace|override|do\s+not|don't|side\s+effect|make\s+sure|ensure|only)\b/i;
