// The answer-quality suite's questions, worded the way people ask: paraphrases more often than
// the documents' own words. Written with corpus.mjs and before any tuning; every third question
// of each kind is held out (`heldOut: true`) and was never looked at while tuning, so its score
// says how the matching does on wording nobody tuned for.
//
// `as` is the asker's department. An answerable question names its `file` and the `fact` (any
// one of the strings, compared case-insensitively) the answer must contain; `alsoFiles` are
// other files an answer may cite without citing something unrelated. A question of another
// department's document must be refused as if nothing answered it, and leak nothing.

const answerable = [
  // Platform Engineering
  { as: 'engineering', q: 'how often do we update the status page in a sev1?', file: 'incident-response-runbook.pdf', fact: ['every 30 minutes'] },
  { as: 'engineering', q: 'Who takes charge when an incident is declared?', file: 'incident-response-runbook.pdf', fact: ['incident commander'] },
  { as: 'engineering', q: 'When do I have to write the postmortem?', file: 'incident-response-runbook.pdf', fact: ['within five working days'] },
  { as: 'engineering', q: 'What counts as a SEV2?', file: 'incident-response-runbook.pdf', fact: ['major feature is broken'] },
  { as: 'engineering', q: 'how long are database backups retained?', file: 'database-failover.md', fact: ['35 days'] },
  { as: 'engineering', q: "What's the TTL on the db-primary DNS record?", file: 'database-failover.md', fact: ['60 seconds'] },
  { as: 'engineering', q: 'When should we fail over to the standby database?', file: 'database-failover.md', fact: ['more than five minutes'] },
  { as: 'engineering', q: 'How many approvals does a payments change need?', file: 'code-review-guidelines.docx', fact: ['payments service need two'] },
  { as: 'engineering', q: 'What is the maximum size for a pull request?', file: 'code-review-guidelines.docx', fact: ['400 changed lines'] },
  { as: 'engineering', q: 'How quickly should reviewers get back to me?', file: 'code-review-guidelines.docx', fact: ['within one working day'] },
  { as: 'engineering', q: 'When is the holiday code freeze?', file: 'release-schedule.txt', fact: ['15 December'] },
  { as: 'engineering', q: 'How often do the mobile apps ship?', file: 'release-schedule.txt', fact: ['every second Tuesday'] },
  { as: 'engineering', q: 'How old can a feature flag get before it has to go?', file: 'release-schedule.txt', fact: ['90 days'] },
  { as: 'engineering', q: 'How long does my password have to be?', file: 'information-security-policy.docx', fact: ['14 characters'] },
  { as: 'engineering', q: 'Can I work from home on Fridays?', file: 'employee-handbook.pdf', fact: ['up to two days a week'] },
  { as: 'engineering', q: 'how much can I spend on a hotel in Paris?', file: 'travel-policy.html', fact: ['250 euros'] },
  { as: 'engineering', q: 'How long do I have to submit an expense claim?', file: 'expenses-guide.txt', fact: ['within 30 days'] },
  { as: 'engineering', q: 'Do I have to tell anyone about a side job?', file: 'code-of-conduct.md', fact: ['outside job'] },

  // People Operations
  { as: 'people', q: 'How much paid leave does a birth parent get?', file: 'parental-leave-policy.html', fact: ['18 weeks'] },
  { as: 'people', q: 'How long is paternity leave?', file: 'parental-leave-policy.html', fact: ['10 weeks'] },
  { as: 'people', q: 'How many keeping-in-touch days can I work during parental leave?', file: 'parental-leave-policy.html', fact: ['10 keeping-in-touch days'] },
  { as: 'people', q: 'How much notice do I have to give before going on parental leave?', file: 'parental-leave-policy.html', fact: ['eight weeks before'] },
  { as: 'people', q: 'When are performance reviews held?', file: 'performance-review-handbook.docx', fact: ['April'] },
  { as: 'people', q: 'What rating scale do we use?', file: 'performance-review-handbook.docx', fact: ['five-point scale'] },
  { as: 'people', q: 'When can someone get promoted?', file: 'performance-review-handbook.docx', fact: ['October cycle'] },
  { as: 'people', q: 'What is the pay range for a level 4 engineer?', file: 'salary-bands.md', fact: ['76,000'] },
  { as: 'people', q: 'How often are the salary bands reviewed?', file: 'salary-bands.md', fact: ['every January'] },
  { as: 'people', q: 'How many interviews are in a standard loop?', file: 'recruiting-guide.pdf', fact: ['four interviews'] },
  { as: 'people', q: 'How big is the referral bonus?', file: 'recruiting-guide.pdf', fact: ['2,000 euros'] },
  { as: 'people', q: 'How fast do offers go out after the last interview?', file: 'recruiting-guide.pdf', fact: ['two working days'] },
  { as: 'people', q: "What do I do if I'm sick?", file: 'employee-handbook.pdf', fact: ['before 10:00'] },
  { as: 'people', q: 'How many holiday days do we get?', file: 'employee-handbook.pdf', fact: ['26 days'] },
  { as: 'people', q: 'How do I raise a concern anonymously?', file: 'code-of-conduct.md', fact: ['ethics hotline'] },
  { as: 'people', q: 'When do new starters get their laptop?', file: 'employee-handbook.pdf', fact: ['first day'] },

  // Finance
  { as: 'finance', q: 'Do I need several quotes for a big purchase?', file: 'procurement-policy.docx', fact: ['three written quotes'] },
  { as: 'finance', q: 'Who has to sign off a purchase order over 50,000 euros?', file: 'procurement-policy.docx', fact: ['chief financial officer'] },
  { as: 'finance', q: 'How do we onboard a new vendor?', file: 'procurement-policy.docx', fact: ['security review'] },
  { as: 'finance', q: 'When do we pay supplier invoices?', file: 'invoice-payment-runbook.md', fact: ['30 days after the invoice date'] },
  { as: 'finance', q: 'What day is the payment run?', file: 'invoice-payment-runbook.md', fact: ['every Wednesday'] },
  { as: 'finance', q: 'When do the books close each month?', file: 'invoice-payment-runbook.md', fact: ['fifth working day'] },
  { as: 'finance', q: "What's the deadline for accruals?", file: 'invoice-payment-runbook.md', fact: ['third working day'] },
  { as: 'finance', q: 'What is the spending limit on a company card?', file: 'corporate-card-policy.html', fact: ['5,000 euros'] },
  { as: 'finance', q: 'Can I buy something personal with my corporate card?', file: 'corporate-card-policy.html', fact: ['personal purchases are not allowed'] },
  { as: 'finance', q: "What happens if I don't reconcile my card statement?", file: 'corporate-card-policy.html', fact: ['suspended'] },
  { as: 'finance', q: 'When are budget proposals due?', file: 'budget-planning.txt', fact: ['30 September'] },
  { as: 'finance', q: 'Does leftover budget roll over to next year?', file: 'budget-planning.txt', fact: ['does not carry over'] },
  { as: 'finance', q: 'How much is mileage reimbursed?', file: 'expenses-guide.txt', fact: ['0.30 euros per kilometre'] },
  { as: 'finance', q: 'Can I fly business class?', file: 'travel-policy.html', fact: ['economy class'] },

  // Customer Support
  { as: 'support', q: 'Who can approve a refund of 300 euros?', file: 'escalation-guide.pdf', fact: ['team lead'] },
  { as: 'support', q: 'How fast do we need to answer an urgent ticket?', file: 'escalation-guide.pdf', fact: ['within one hour'] },
  { as: 'support', q: 'When does a ticket go to tier 3?', file: 'escalation-guide.pdf', fact: ['code change'] },
  { as: 'support', q: 'What are the phone support hours?', file: 'support-hours.md', fact: ['08:00 to 20:00'] },
  { as: 'support', q: 'Who covers the chat queue on weekends?', file: 'support-hours.md', fact: ['two agents'] },
  { as: 'support', q: 'How often are macros reviewed?', file: 'reply-style-guide.docx', fact: ['every quarter'] },
  { as: 'support', q: 'How should I sign my replies to customers?', file: 'reply-style-guide.docx', fact: ['first name only'] },
  { as: 'support', q: "what's the meal allowance when I travel?", file: 'travel-policy.html', fact: ['50 euros'] },
  { as: 'support', q: 'How do I report a phishing email?', file: 'information-security-policy.docx', fact: ['Report button'] },
  { as: 'support', q: 'Can I accept a gift from a customer?', file: 'code-of-conduct.md', fact: ['up to 50 euros'] },
  { as: 'support', q: 'Are our laptops encrypted?', file: 'information-security-policy.docx', fact: ['encrypted'] },
  { as: 'support', q: 'Do I need two-factor authentication for email?', file: 'information-security-policy.docx', fact: ['Multi-factor authentication is required'] },
];

// Each is answered only by a document of a department the asker is not in.
const otherDepartment = [
  { as: 'support', q: 'What is the salary range for a level 3 engineer?', file: 'salary-bands.md' },
  { as: 'engineering', q: 'When are supplier invoices paid?', file: 'invoice-payment-runbook.md' },
  { as: 'finance', q: 'How long are database backups kept?', file: 'database-failover.md' },
  { as: 'people', q: 'Who can approve a refund?', file: 'escalation-guide.pdf' },
  { as: 'support', q: 'How many approvals does a payments change need?', file: 'code-review-guidelines.docx' },
  { as: 'engineering', q: 'What is the monthly limit on a corporate card?', file: 'corporate-card-policy.html' },
  { as: 'finance', q: 'How much is the referral bonus?', file: 'recruiting-guide.pdf' },
  { as: 'people', q: 'When is the change freeze for releases?', file: 'release-schedule.txt' },
  { as: 'engineering', q: 'How often are performance reviews held?', file: 'performance-review-handbook.docx' },
  { as: 'support', q: 'What day do payment runs happen?', file: 'invoice-payment-runbook.md' },
  { as: 'finance', q: 'What are the phone support hours?', file: 'support-hours.md' },
  { as: 'engineering', q: 'How many weeks of parental leave does a birth parent get?', file: 'parental-leave-policy.html' },
];

// Nothing in any document answers these, though several share words with one.
const unanswerable = [
  { as: 'engineering', q: 'Is there a gym at the office?' },
  { as: 'people', q: "What's the guest Wi-Fi password?" },
  { as: 'finance', q: 'When is the summer party?' },
  { as: 'support', q: 'How do I book a meeting room?' },
  { as: 'engineering', q: 'Who is the CEO?' },
  { as: 'people', q: 'Can I bring my dog to work?' },
  { as: 'finance', q: "What is the company's stock ticker?" },
  { as: 'support', q: 'Is there free parking for staff?' },
  { as: 'engineering', q: 'How many days of leave can I sell back?' },
  { as: 'people', q: 'Do we get a bonus at Christmas?' },
  { as: 'finance', q: "What's the dress code for client meetings?" },
  { as: 'support', q: 'How do I request a new monitor?' },
];

const heldOutEveryThird = (kind) => (question, index) => ({ ...question, kind, heldOut: index % 3 === 2 });

export const QUESTIONS = [...answerable.map(heldOutEveryThird('answer')), ...otherDepartment.map(heldOutEveryThird('other-department')), ...unanswerable.map(heldOutEveryThird('unanswerable'))];
