## Chat-only texts of the bot (audit and toolkit texts live in analytics/locales).

welcome =
    Hi! I'm Kratno: I show what is really happening with your customer base.

    Send me an export of orders or customers (CSV, XLSX, XLS, ODS from your CRM, shop or course platform) and within a minute you get the active base, churn, RFM segments, cohorts and the next growth steps in money. I can also walk you through your value proposition, unit economics and traction stage.

    To run the audit I need to process your file. I keep it and the results for you only; details behind the button below.
consent-yes = ✅ I agree, let's start
consent-privacy = 🔒 What do you store?
consent-needed = Before I touch any data, please confirm you agree to its processing.
consent-thanks = Thank you! Only you see your data; /delete removes everything.

menu-title = What shall we do?
menu-next = What next?
menu-audit = 📊 Audit my base
menu-vp = 💡 Value proposition
menu-ue = 🧮 Unit economics
menu-tr = 🪜 Traction stage
menu-brief = 📝 My brief
menu-history = 🕘 History
menu-help = ❓ Help

audit-prompt = Send me a file with orders or customers: CSV, XLSX, XLS or ODS, as your CRM, shop or course platform exports it. Any column order works.
audit-next = Open the details:
audit-gone = This audit no longer exists; perhaps you deleted your data. Please send the file again.
view-seg = 👥 Segments
view-coh = 📅 Cohorts
view-clu = 🧩 Clusters
view-clv = 💰 Customer value
view-rec = 🚀 Growth steps
view-xlsx = 📥 Customers (XLSX)
view-pdf = 📄 PDF report
view-cmp = ↔️ Compare with previous
view-qual = 🔎 What was read
quality-fix-column = Change "{ $role }" (now "{ $column }")
quality-redo = Recount: { $choice }
quality-no-column = No such column
quality-which-column = Which column holds "{ $role }"? Choose one and I'll audit the same file again.
compare-none = This is your first audit, nothing to compare with yet. Send a fresh export in a month.
compare-same-file = Both audits were made from the same file: they differ only in the columns and settings chosen.
upload-same-file = This is the same file you sent before: I audited it on { $date }. I won't audit it again; here are that audit's buttons.
export-expired = The per-customer details have already been deleted after the retention period. Please send the file again.

upload-too-big = The file is { $size_mb } MB and I accept up to { $limit_mb } MB. Export only the columns needed (customer, date, amount, status) or a shorter period, or save it as CSV, which is smaller.
upload-not-table = "{ $name }" is not a table. Send an export as CSV, XLSX, XLS or ODS.

progress-received = 📥 Got the file, starting…
progress-queued = ⏳ I'm busy right now: you are number { $position } in the queue. I'll tell you when I start.
progress-reading = 🔎 Reading the file and recognising columns…
progress-analysing = 📊 Computing metrics, the active base, segments and cohorts…
progress-charts = 🎨 Drawing charts…
progress-saving = 💾 Saving the results…
progress-done = ✅ Done.
progress-export = ⏳ Preparing the file…
progress-sent = ✅ Sent.

job-queued = Got it. I'll finish what I'm working on now and then start on this; the result will follow.
job-busy = One of your tasks is already waiting after the current one. Wait for the result, then send this again.
job-timeout = The calculation took more than { $minutes } min and was stopped. Try an export for a shorter period or with only the columns needed.
job-crashed = I could not process the file: something went wrong on my side. Your data is safe; try again or save the file as CSV.
job-failed = I could not process the file. Try saving it as CSV (UTF-8).

bot-ingest-error-no-date-column = I found no order date column. Add the date (created or paid) to the export and send the file again.
bot-ingest-error-no-amount-column = I found no order amount column. Add the amount (or quantity and price) to the export and send the file again.

progress-columns = 🧐 The file is read; I need your hint about some columns.
button-outdated = This button no longer applies; here is the current step.
toast-button-outdated = This button no longer applies: answer the question below.
toast-already-working = Already on it — the result will follow.
delete-expired = This confirmation is out of date (more than { $minutes } min. old): nothing was deleted. To delete your data, send /delete again.
dlg-switch-ask = The questionnaire "{ $current }" is under way, with { $answers } answers so far. Start "{ $new }"? The current answers will be lost.
confirm-switch-vp-yes = Yes, start the new questionnaire
confirm-switch-ue-yes = Yes, start the new questionnaire
confirm-switch-tr-yes = Yes, start the new questionnaire
dlg-file-held = I've received and kept "{ $name }": I'll check it as soon as you finish the questionnaire. Or check it now? The questionnaire will then stop and its answers will be lost.
confirm-held-yes = Check it now
toast-file-kept = Fine: I'll check the file after the questionnaire.
dlg-file-now = Now I'll check the file you sent during the questionnaire.
upload-photo = That is a picture; I need the export file itself. Send it as a document: paperclip → File → CSV, XLSX, XLS or ODS.
bot-ingest-error-not-found = I no longer have this file (it was deleted after the retention period). Please send the export again.
bot-tk-ue-err-not-number = "{ $value }" is not a number. Write digits, e.g. 6000 or 2.5%.
bot-tk-ue-err-negative = The number cannot be negative ({ $value }).
bot-tk-ue-err-zero = The number must be above zero.
bot-tk-ue-err-c1-zero = Conversion cannot be zero: with no purchases there is nothing to compute.
bot-tk-ue-err-c1-percent = { $value } looks like a percentage. Write "{ $value }%" or { $hint }.
bot-tk-ue-err-c1-range = Conversion is the share of buyers: from 0 to 1, or a percentage such as 2.5%.
bot-tk-ue-err-apc-below-one = Every buyer buys at least once: purchases per customer cannot be below 1.
bot-tk-ue-err-margin-range = The margin in percent must be above 0 and at most 100.
bot-tk-ue-err-cogs-ge-price = The cost { $value } is not below the average check { $hint }: such a sale earns no margin. Please check the number.
columns-intro = I've read the file but I'm not sure about a couple of things; please help.
choice-question-amount_source = Which is the line's money? The column "{ $column }" almost never equals quantity × price, so revenue depends on the choice.
choice-amount_source-amount = The column "{ $column }"
choice-amount_source-quantity_x_price = Quantity × price
choice-question-duplicates = { $rows } rows of the file repeat other rows exactly, and there are no order ids. Are they copies or real repeat purchases on the same day?
choice-duplicates-drop = Copies: drop them
choice-duplicates-keep = Real purchases: keep them
choice-question-status = The column "{ $column }" holds no payment status I know: it looks like a stage or a folder. How should I read it?
choice-status-stage = A stage: count every row except cancellations
choice-status-ignore = Leave the column out
columns-question = Which column is the { $role }? I think it is "{ $guess }".
columns-question-missing = I could not find which column is the { $role }. Choose it among the file's headers:

nav-back = ⬅️ Back
nav-skip = ⏭ Skip
nav-cancel = ✖️ Cancel
dlg-empty = The answer is empty; write at least a few words.
dlg-use-buttons = Please pick an answer with the buttons below the question.
dlg-too-long = The answer is too long: { $chars } characters, the limit is { $limit }. Cut it down to the point: a couple of paragraphs will do.
dlg-bz-intro = The brief opens with your business's name and one line about it: two short questions.
dlg-bz-q-name = What is your business called?
dlg-bz-q-description = In one line: what do you do, and for whom? For example: "We roast coffee to order for the cafés of Kazan".
dlg-one-line = One line, please: up to { $limit } characters; this one has { $chars }.
dlg-answer-in-words = Please answer the question with text or a button.
dlg-cannot-skip = This question is needed for the calculation; it can't be skipped.
dlg-saved = Answers saved. Here is what came out:
dlg-cancelled = Questionnaire stopped. Answers of earlier questionnaires are kept.
dlg-resume = You stopped in the middle of a questionnaire; let's continue where you were:
dlg-vp-intro = Let's work out the value proposition for one customer segment: { $count } short questions. Answer as it is; if an answer is vague, I'll ask again.
dlg-ue-intro = Let's compute the unit economics and find the growth constraint: { $count } questions with numbers. You can write "2.5%", "1,900", "35%".
dlg-tr-intro = Let's find your step on the traction map and the growth metric to choose: { $count } questions with buttons.

brief-empty = There are no answers for a brief yet. Complete at least one questionnaire: value proposition, unit economics or traction stage.
brief-offer = Send the brief to the consultant to book a strategy session? The consultant gets the brief and a link to your Telegram profile and will contact you.
confirm-brief-yes = 📨 Yes, send it
confirm-delete-yes = 🗑 Yes, delete everything
confirm-no = No
brief-not-sent = OK, the brief was not sent anywhere.
brief-sent = 📨 The brief was sent to the consultant. They will contact you.
brief-for-consultant = Brief from { $who }, { $username } (id { $user_id }). Consent to be contacted: given; the client pressed "Send to the consultant" and expects to hear from you.
brief-no-username = no username

history-empty = No audits yet. Send a file and it will appear here.
history-title = 🕘 Your audits: { $count }. The latest is at the bottom; each has its own buttons.
history-more = 🕘 Your latest { $count } audits (older ones are not shown here). The latest is at the bottom; each has its own buttons.
history-entry =
    📊 <b>{ $name }</b>
    { $period }, customers: { $customers }
    Audited on { $date }
history-period = orders from { $first } to { $last }
history-no-period = no order dates

help =
    I audit a customer base from an export of your CRM, shop or school.

    • Send a file (CSV, XLSX, XLS, ODS) to get a summary, charts, segments, cohorts, customer value forecast and growth steps.
    • /history: past audits and the comparison.
    • Questionnaires: value proposition, unit economics, traction stage; /brief: the brief for a strategy session.
    • /language: language, /privacy: what I store, /delete: delete everything, /cancel: leave a questionnaire.
privacy =
    🔒 What I store and for how long

    • Uploaded files and per-customer data (with hashes of customer ids, used to compare audits, with no contacts in them): { $days } days, then deleted automatically.
    • Audit results (aggregates without personal data) and questionnaire answers: until you delete them.
    • Your language and consent.
    Files up to { $limit_mb } MB. Only you see your data; a brief goes to the consultant only after your explicit consent. /delete removes everything at once, irreversibly.
language-choose = Choose the language:
language-set = Done: I speak English now.
cancelled = Stopped. What next?
nothing-to-cancel = Nothing to cancel. What shall we do?
delete-confirm = Delete everything I keep about you: files, audits, answers, settings? This cannot be undone.
delete-kept = Nothing was deleted.
delete-done = Deleted: { $rows } records, { $files } files. I no longer remember you; if you come back, we start afresh.
unknown-input = I didn't get that. Send a file with orders or customers, or choose what to do:
error-generic = Something went wrong on my side. Your data and answers are kept; please try again.

cmd-start = Start and menu
cmd-help = Help
cmd-language = Language
cmd-history = My audits
cmd-brief = Brief for the consultant
cmd-privacy = What is stored
cmd-delete = Delete my data
cmd-cancel = Leave a questionnaire
