package dev.intake.contact.rest;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The contact form as multipart: the JSON fields as form fields plus zero or more {@code files}. */
public class ContactMultipartForm {

    @RestForm
    public String name;
    @RestForm
    public String email;
    @RestForm
    public String message;
    @RestForm
    public String company;
    @RestForm
    public String service;
    @RestForm
    public String budget;
    @RestForm
    public String source;
    @RestForm
    public String userAgent;
    @RestForm
    public String pageUrl;
    @RestForm
    public String website;
    @RestForm
    public String altcha;
    /** The kind of document the attachments are (document-service's list); "other" when absent. */
    @RestForm
    public String documentType;
    @RestForm("files")
    public List<FileUpload> files;

    ContactRequest toRequest() {
        return new ContactRequest(name, email, message, company, service, budget, source, userAgent, pageUrl, website, altcha);
    }
}
